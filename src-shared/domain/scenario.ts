import { z } from 'zod';
import { findCatalogEvent } from '../vendors/catalogs.ts';
import { jsonStateSchema } from './json-object.ts';
import { idSchema } from './record-id.ts';
import { catalogNameSchema, vendorIdSchema, type VendorId } from './vendor.ts';
import type { Webhook } from './webhook.ts';

export const scenarioStepSchema = z.strictObject({
  vendor: vendorIdSchema,
  eventName: catalogNameSchema,
  /** Defaults to the event's first activity. */
  activity: catalogNameSchema.optional(),
  /**
   * Wait before this step, in vendor time: the engine clock divides it by the time scale (and the
   * run's speed), so a day-long story plays in seconds at 3600×.
   */
  delayMs: z.number().int().min(0, 'must be 0 or more').default(0),
  /** A JSON merge patch (RFC 7396) applied to the generated current state. */
  stateEdits: jsonStateSchema.optional(),
});

export type ScenarioStep = z.output<typeof scenarioStepSchema>;

export const SCENARIO_NAME_MAX = 100;
export const SCENARIO_DESCRIPTION_MAX = 500;
/** A demo or regression story is tens of steps; a thousand is already hours of watching. */
export const SCENARIO_STEPS_MAX = 1000;

const scenarioFields = {
  name: z.string().trim().min(1, 'is required').max(SCENARIO_NAME_MAX, `must be at most ${SCENARIO_NAME_MAX} characters`),
  description: z.string().max(SCENARIO_DESCRIPTION_MAX, `must be at most ${SCENARIO_DESCRIPTION_MAX} characters`).default(''),
  /**
   * Every step generates its entity from this seed, so entities reference each other as the
   * vendor would (an activation names the entitlement of the same seed) and runs repeat.
   */
  seed: z.number().int().default(1),
  steps: z.array(scenarioStepSchema).min(1, 'needs at least one step').max(SCENARIO_STEPS_MAX, `must have at most ${SCENARIO_STEPS_MAX} steps`),
};

/** Steps name events (and activities) of their vendor's catalog. */
function checkCatalogSteps(scenario: { steps: ScenarioStep[] }, ctx: z.RefinementCtx): void {
  scenario.steps.forEach((step, index) => {
    const event = findCatalogEvent(step.vendor, step.eventName);
    if (!event) {
      ctx.addIssue({ code: 'custom', path: ['steps', index, 'eventName'], message: `"${step.eventName}" is not an event of ${step.vendor}` });
    } else if (step.activity !== undefined && !event.activities.includes(step.activity)) {
      ctx.addIssue({ code: 'custom', path: ['steps', index, 'activity'], message: `"${step.activity}" is not an activity of "${event.name}"` });
    }
  });
}

export const scenarioInputSchema = z.strictObject(scenarioFields).superRefine(checkCatalogSteps);

/** A scenario as saved: without `id` a new one, with it a replacement of that user scenario. */
export const saveScenarioInputSchema = z.strictObject({ id: idSchema.optional(), ...scenarioFields }).superRefine(checkCatalogSteps);

export type ScenarioInput = z.input<typeof scenarioInputSchema>;
export type ScenarioDefinition = z.output<typeof scenarioInputSchema>;

export interface Scenario extends ScenarioDefinition {
  /** `builtin:<slug>` for the read-only ones that ship with Hooklab. */
  id: string;
  builtIn: boolean;
  vendors: VendorId[];
}

const scenarioRef = { id: idSchema.optional(), name: z.string().min(1).max(SCENARIO_NAME_MAX).optional() };
const oneRef = [
  (ref: { id?: string; name?: string }) => (ref.id === undefined) !== (ref.name === undefined),
  { message: 'give a scenario id or a name' },
] as const;
/** Multiplies the engine's time scale for a run's delays. */
const speedSchema = z.number().positive('must be more than 0').max(1_000_000, 'must be at most 1000000');

/** A demo's longest wait: long enough to talk over, short enough that a 30-day step is not a coffee break. */
export const DEMO_PACE_DEFAULT_MS = 5000;
const maxWaitSchema = z.number().int('must be whole milliseconds').min(0, 'must be 0 or more').max(3_600_000, 'must be at most 3600000 (an hour)');

const runFields = {
  ...scenarioRef,
  speed: speedSchema.default(1),
  /**
   * Demo pace: no wait lasts longer than this, in real milliseconds, whatever its delay, speed and
   * the time scale. The engine clock is not moved: the events simply come closer together.
   */
  maxWaitMs: maxWaitSchema.optional(),
  /** Chosen by the caller to pick this run's `scenarioRunChanged` events out of the stream. */
  runId: idSchema.optional(),
};

export const runScenarioInputSchema = z.strictObject(runFields).refine(...oneRef);

/** A run that plays in the background; `paused` starts it before its first step, to step through it. */
export const startScenarioInputSchema = z.strictObject({ ...runFields, paused: z.boolean().default(false) }).refine(...oneRef);

const runRef = { runId: idSchema };

export const controlScenarioRunInputSchema = z.discriminatedUnion('action', [
  /** Holds before the next step; a step already firing completes. */
  z.strictObject({ ...runRef, action: z.literal('pause') }),
  /** Goes on with what was left of the next step's delay. */
  z.strictObject({ ...runRef, action: z.literal('resume') }),
  /** Fires the next step now, skipping its delay, then holds. */
  z.strictObject({ ...runRef, action: z.literal('step') }),
  /** Ends the run where it is; steps not fired stay unfired. */
  z.strictObject({ ...runRef, action: z.literal('stop') }),
  /** Changes the speed; a delay under way goes on at the new pace for what is left of it. */
  z.strictObject({ ...runRef, action: z.literal('speed'), speed: speedSchema }),
]);

export type ControlScenarioRunInput = z.input<typeof controlScenarioRunInputSchema>;

export interface ScenarioStepResult {
  /** From 1. */
  step: number;
  vendor: VendorId;
  eventName: string;
  eventId: string;
  entityId: string;
  deliveryIds: string[];
}

/** What `createScenarioWebhooks` did: the webhooks it made, and the steps' events that had one already. */
export interface ScenarioWebhooks {
  created: Webhook[];
  alreadyCovered: string[];
}

/** waiting (a step's delay) → firing → waiting … → finished; paused in between; failed when a step cannot fire. */
export const SCENARIO_RUN_STATES = ['paused', 'waiting', 'firing', 'finished', 'failed', 'stopped'] as const;
export type ScenarioRunState = (typeof SCENARIO_RUN_STATES)[number];

export const isRunOver = (state: ScenarioRunState): boolean => state === 'finished' || state === 'failed' || state === 'stopped';

/** Where a run stands: sent with every change as `scenarioRunChanged`. */
export interface ScenarioRunStatus {
  runId: string;
  scenarioId: string;
  scenarioName: string;
  state: ScenarioRunState;
  speed: number;
  /** Demo pace: the longest any wait lasts, in real ms; null when delays play in full. */
  maxWaitMs: number | null;
  total: number;
  /** The steps fired so far, in order. */
  steps: ScenarioStepResult[];
  /** Real milliseconds, when this status was sent, until the next step fires; null unless waiting. */
  nextStepInMs: number | null;
  /** The next step's delay as the scenario gives it (vendor time, before speed and demo pace); null when none is left. */
  nextStepDelayMs: number | null;
  /** Why the run failed. */
  error: string | null;
  /** Real time (ms since 1970) the run began: the newer of two runs of a scenario started later. */
  startedAt: number;
  /** Grows with every status sent: one arriving with a lower revision than already seen is stale. */
  revision: number;
}
