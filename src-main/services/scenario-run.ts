import type { FireEventResult } from '../../src-shared/contracts/app-contract.ts';
import type { FireEventInput } from '../../src-shared/domain/event.ts';
import { applyMergePatch } from '../../src-shared/domain/json-merge-patch.ts';
import type { Scenario, ScenarioProgress, ScenarioRunResult, ScenarioStep, ScenarioStepResult } from '../../src-shared/domain/scenario.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { Clock } from '../engine/clock.ts';
import type { EntityState, VendorProfile } from '../vendors/vendor-profile.ts';
import { requireCatalogEvent } from './catalog-lookup.ts';

export interface ScenarioRunDeps {
  profiles: Record<VendorId, VendorProfile>;
  /** The engine clock: delays are vendor time, so the time scale applies to them. */
  clock: Clock;
  /** Fires one event with origin `scenario` and hands its deliveries to the dispatcher. */
  fire(input: FireEventInput & { vendor: VendorId; eventName: string }): Promise<FireEventResult>;
  onProgress(progress: ScenarioProgress): void;
}

/**
 * idle → waiting (a step's delay) → firing → waiting … → finished; failed when a step cannot
 * fire. Pause, resume and single-stepping are meant to become transitions of this machine
 * (cancel the pending timer, keep `next`), which is why the position lives here, not in a loop.
 */
type RunState = 'idle' | 'waiting' | 'firing' | 'finished' | 'failed';

/** One play of a scenario: its steps in order, each after its delay, entities carried across steps. */
export class ScenarioRun {
  private state: RunState = 'idle';
  private next = 0;
  private readonly results: ScenarioStepResult[] = [];
  /** The last current state of each entity (vendor, entity, id) a step fired. */
  private readonly lastStates = new Map<string, EntityState>();

  private readonly deps: ScenarioRunDeps;
  private readonly scenario: Scenario;
  private readonly runId: string;
  /** Multiplies the time scale for this run's delays. */
  private readonly speed: number;

  constructor(deps: ScenarioRunDeps, scenario: Scenario, runId: string, speed: number) {
    this.deps = deps;
    this.scenario = scenario;
    this.runId = runId;
    this.speed = speed;
  }

  get status(): RunState {
    return this.state;
  }

  play(): Promise<ScenarioRunResult> {
    if (this.state !== 'idle') throw new Error(`scenario run ${this.runId} is already ${this.state}`);
    return new Promise((resolve, reject) => {
      const advance = () => {
        if (this.next === this.scenario.steps.length) {
          this.state = 'finished';
          resolve({ runId: this.runId, scenarioId: this.scenario.id, steps: this.results });
          return;
        }
        const step = this.scenario.steps[this.next]!;
        this.state = 'waiting';
        this.deps.clock.setTimer(step.delayMs / this.speed, () => {
          this.state = 'firing';
          this.fireStep(step).then(advance, (error: unknown) => {
            this.state = 'failed';
            reject(error);
          });
        });
      };
      advance();
    });
  }

  private async fireStep(step: ScenarioStep): Promise<void> {
    const catalogEvent = requireCatalogEvent(step.vendor, step.eventName);
    const activity = step.activity ?? catalogEvent.activities[0]!;
    // One seed for the whole scenario: the vendors' generators make an entity of one seed refer to
    // the other entities of that seed (the activation's entitlement is the entitlement fired earlier).
    const { seed } = this.scenario;
    const generated = this.deps.profiles[step.vendor].generateEntity(catalogEvent, { activity, seed });
    const key = JSON.stringify([step.vendor, catalogEvent.entity, generated.entityId]);
    // Only where the vendor sends a previous state at all: seed 002's "Entitlement Expired" and
    // "Product Key Quantity Exhausted" carry none, and a scenario should not invent one.
    const previousState = generated.previousState && (this.lastStates.get(key) ?? generated.previousState);
    const currentState =
      generated.currentState && step.stateEdits
        ? (applyMergePatch(generated.currentState, step.stateEdits) as EntityState)
        : generated.currentState;
    const { event, deliveries } = await this.deps.fire({
      vendor: step.vendor,
      eventName: step.eventName,
      activity,
      seed,
      entityId: generated.entityId,
      currentState: currentState ?? undefined,
      previousState: previousState ?? undefined,
    });
    if (currentState) this.lastStates.set(key, currentState);
    else this.lastStates.delete(key);
    this.next += 1;
    const result: ScenarioStepResult = {
      step: this.next,
      vendor: step.vendor,
      eventName: step.eventName,
      eventId: event.id,
      entityId: event.entityId,
      deliveryIds: deliveries.map((delivery) => delivery.id),
    };
    this.results.push(result);
    this.deps.onProgress({ ...result, runId: this.runId, total: this.scenario.steps.length });
  }
}
