import type { FireEventResult } from '../../src-shared/contracts/app-contract.ts';
import type { FireEventInput } from '../../src-shared/domain/event.ts';
import { applyMergePatch } from '../../src-shared/domain/json-merge-patch.ts';
import {
  isRunOver,
  type Scenario,
  type ScenarioRunState,
  type ScenarioRunStatus,
  type ScenarioStep,
  type ScenarioStepResult,
} from '../../src-shared/domain/scenario.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { ScaledClock } from '../engine/clock.ts';
import type { EntityState, VendorProfile } from '../vendors/vendor-profile.ts';
import { requireCatalogEvent } from './catalog-lookup.ts';

export interface ScenarioRunDeps {
  profiles: Record<VendorId, VendorProfile>;
  /** The engine clock: delays are vendor time, so the time scale applies to them. */
  clock: ScaledClock;
  /** Fires one event with origin `scenario` and hands its deliveries to the dispatcher. */
  fire(input: FireEventInput & { vendor: VendorId; eventName: string }): Promise<FireEventResult>;
  onChange(status: ScenarioRunStatus): void;
}

interface PendingStep {
  /** Engine-clock time at which the next step fires. */
  due: number;
  /** The time scale it was armed at: what is left of it in real time, after the scale changed. */
  scale: number;
  cancel(): void;
}

/**
 * One play of a scenario: its steps in order, each after its delay, entities carried across steps.
 * A state machine (see SCENARIO_RUN_STATES) rather than a loop, so that pause, step and speed are
 * transitions that keep the position and what is left of a delay.
 */
export class ScenarioRun {
  private state: ScenarioRunState = 'paused';
  private next = 0;
  /** Scenario time (before speed) still to wait before the next step. */
  private leftMs: number;
  /** Demo pace: real time still allowed to the wait under way (pause and scale changes keep it). */
  private waitBudgetMs: number;
  private pending: PendingStep | null = null;
  /** Hold after the step that is firing: a pause asked for meanwhile, or a single step. */
  private holdAfterFiring = false;
  private error: string | null = null;
  /** Counts the statuses sent, so a reader can drop one that arrives after a newer one. */
  private revision = 0;
  private readonly startedAt: number;
  private readonly fired: ScenarioStepResult[] = [];
  /** The last current state of each entity (vendor, entity, id) a step fired. */
  private readonly lastStates = new Map<string, EntityState>();
  private readonly over = Promise.withResolvers<ScenarioRunStatus>();

  private readonly deps: ScenarioRunDeps;
  private readonly scenario: Scenario;
  private readonly runId: string;
  private speed: number;
  private readonly maxWaitMs: number | null;

  constructor(deps: ScenarioRunDeps, scenario: Scenario, runId: string, pace: { speed: number; maxWaitMs: number | null }) {
    this.deps = deps;
    this.scenario = scenario;
    this.runId = runId;
    this.speed = pace.speed;
    this.maxWaitMs = pace.maxWaitMs;
    this.leftMs = scenario.steps[0]!.delayMs;
    this.waitBudgetMs = this.maxWaitMs ?? Infinity;
    this.startedAt = Date.now();
    // A failed run is reported in its status too: a caller that only watches the events must not
    // leave the rejection unhandled.
    this.over.promise.catch(() => {});
  }

  /** Settles when the run is over: with its last status, or rejected with the error a step failed on. */
  get done(): Promise<ScenarioRunStatus> {
    return this.over.promise;
  }

  get isOver(): boolean {
    return isRunOver(this.state);
  }

  start(paused: boolean): ScenarioRunStatus {
    if (paused) this.changed();
    else this.schedule();
    return this.status();
  }

  pause(): ScenarioRunStatus {
    this.requireNotOver('pause');
    if (this.state === 'waiting') {
      this.unschedule();
      this.state = 'paused';
      this.changed();
    } else if (this.state === 'firing') {
      this.holdAfterFiring = true;
    }
    return this.status();
  }

  resume(): ScenarioRunStatus {
    this.requireNotOver('resume');
    if (this.state === 'paused') this.schedule();
    else if (this.state === 'firing') this.holdAfterFiring = false;
    return this.status();
  }

  step(): ScenarioRunStatus {
    this.requireNotOver('step');
    if (this.state === 'firing') throw new AppError('conflict', `Scenario run ${this.runId} is firing a step already; step again once it has fired.`);
    this.unschedule();
    this.holdAfterFiring = true;
    this.fireNext();
    return this.status();
  }

  /** A step firing meanwhile still completes: the run is over once it has. */
  stop(): ScenarioRunStatus {
    this.requireNotOver('stop');
    this.unschedule();
    const firing = this.state === 'firing';
    this.state = 'stopped';
    this.changed();
    if (!firing) this.over.resolve(this.status());
    return this.status();
  }

  /** Sends the status again, e.g. after the time scale changed the real time left of a delay. */
  announce(): void {
    if (!this.isOver) this.changed();
  }

  /**
   * The time scale changed. A demo-pace wait is capped in real time, so it is capped again at the
   * new scale: otherwise five real seconds at 3600× would become five hours at 1×.
   */
  scaleChanged(): void {
    if (this.maxWaitMs !== null && this.state === 'waiting') {
      this.unschedule();
      this.schedule();
    } else {
      this.announce();
    }
  }

  /** The engine clock was reset by `shiftMs`: its timer kept what was left of the wait, and so does the run. */
  clockMoved(shiftMs: number): void {
    if (this.pending) this.pending.due += shiftMs;
    this.announce();
  }

  setSpeed(speed: number): ScenarioRunStatus {
    this.requireNotOver('change the speed of');
    const waiting = this.state === 'waiting';
    if (waiting) this.unschedule();
    this.speed = speed;
    if (waiting) this.schedule();
    else this.changed();
    return this.status();
  }

  status(): ScenarioRunStatus {
    const { clock } = this.deps;
    return {
      runId: this.runId,
      scenarioId: this.scenario.id,
      scenarioName: this.scenario.name,
      state: this.state,
      speed: this.speed,
      maxWaitMs: this.maxWaitMs,
      total: this.scenario.steps.length,
      steps: [...this.fired],
      nextStepInMs: this.pending ? Math.max(0, this.pending.due - clock.now()) / clock.scale : null,
      nextStepDelayMs: this.scenario.steps[this.next]?.delayMs ?? null,
      error: this.error,
      startedAt: this.startedAt,
      revision: this.revision,
    };
  }

  private requireNotOver(action: string): void {
    if (this.isOver) throw new AppError('conflict', `Cannot ${action} scenario run ${this.runId}: it is ${this.state}.`);
  }

  private changed(): void {
    this.revision += 1;
    this.deps.onChange(this.status());
  }

  private schedule(): void {
    const { clock } = this.deps;
    // Vendor time, as the engine clock counts it; demo pace turns the real-time cap into vendor time.
    const delay = Math.min(this.leftMs / this.speed, this.waitBudgetMs * clock.scale);
    this.state = 'waiting';
    this.pending = { due: clock.now() + delay, scale: clock.scale, cancel: clock.setTimer(delay, () => this.fireNext()) };
    this.changed();
  }

  /** Keeps what is left of the delay, in scenario time, for when the run goes on. */
  private unschedule(): void {
    if (!this.pending) return;
    const vendorLeft = Math.max(0, this.pending.due - this.deps.clock.now());
    this.leftMs = vendorLeft * this.speed;
    if (this.maxWaitMs !== null) this.waitBudgetMs = vendorLeft / this.pending.scale;
    this.pending.cancel();
    this.pending = null;
  }

  private fireNext(): void {
    this.pending = null;
    this.state = 'firing';
    this.changed();
    this.fireStep(this.scenario.steps[this.next]!).then(
      () => {
        // Stopped while the step fired: the event went out all the same, so the run shows it.
        if (this.state === 'stopped') {
          this.changed();
          this.over.resolve(this.status());
          return;
        }
        this.next += 1;
        this.leftMs = this.scenario.steps[this.next]?.delayMs ?? 0;
        this.waitBudgetMs = this.maxWaitMs ?? Infinity;
        if (this.next === this.scenario.steps.length) {
          this.finish();
        } else if (this.holdAfterFiring) {
          this.holdAfterFiring = false;
          this.state = 'paused';
          this.changed();
        } else {
          this.schedule();
        }
      },
      (error: unknown) => {
        if (this.state === 'stopped') {
          this.over.resolve(this.status());
          return;
        }
        this.error = error instanceof Error ? error.message : String(error);
        this.state = 'failed';
        this.changed();
        this.over.reject(error);
      },
    );
  }

  private finish(): void {
    this.state = 'finished';
    this.changed();
    this.over.resolve(this.status());
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
      generated.currentState && step.stateEdits ? (applyMergePatch(generated.currentState, step.stateEdits) as EntityState) : generated.currentState;
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
    this.fired.push({
      step: this.next + 1,
      vendor: step.vendor,
      eventName: step.eventName,
      eventId: event.id,
      entityId: event.entityId,
      deliveryIds: deliveries.map((delivery) => delivery.id),
    });
  }
}
