import { z } from 'zod';
import { findCatalogEvent } from '../vendors/catalogs.ts';
import { vendorIdSchema, type VendorId } from './vendor.ts';

export const scenarioStepSchema = z.strictObject({
  vendor: vendorIdSchema,
  eventName: z.string().min(1, 'is required'),
  /** Defaults to the event's first activity. */
  activity: z.string().min(1).optional(),
  /**
   * Wait before this step, in vendor time: the engine clock divides it by the time scale (and the
   * run's speed), so a day-long story plays in seconds at 3600×.
   */
  delayMs: z.number().int().min(0, 'must be 0 or more').default(0),
  /** A JSON merge patch (RFC 7396) applied to the generated current state. */
  stateEdits: z.record(z.string(), z.unknown()).optional(),
});

export type ScenarioStep = z.output<typeof scenarioStepSchema>;

const scenarioFields = {
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  description: z.string().max(500, 'must be at most 500 characters').default(''),
  /**
   * Every step generates its entity from this seed, so entities reference each other as the
   * vendor would (an activation names the entitlement of the same seed) and runs repeat.
   */
  seed: z.number().int().default(1),
  steps: z.array(scenarioStepSchema).min(1, 'needs at least one step'),
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
export const saveScenarioInputSchema = z
  .strictObject({ id: z.string().min(1).optional(), ...scenarioFields })
  .superRefine(checkCatalogSteps);

export type ScenarioInput = z.input<typeof scenarioInputSchema>;
export type ScenarioDefinition = z.output<typeof scenarioInputSchema>;

export interface Scenario extends ScenarioDefinition {
  /** `builtin:<slug>` for the read-only ones that ship with Hooklab. */
  id: string;
  builtIn: boolean;
  vendors: VendorId[];
}

const scenarioRef = { id: z.string().min(1).optional(), name: z.string().min(1).optional() };
const oneRef = [(ref: { id?: string; name?: string }) => (ref.id === undefined) !== (ref.name === undefined), { message: 'give a scenario id or a name' }] as const;

export const runScenarioInputSchema = z
  .strictObject({
    ...scenarioRef,
    /** Multiplies the engine's time scale for this run's delays. */
    speed: z.number().positive('must be more than 0').default(1),
    /** Chosen by the caller to pick this run's `scenarioProgress` events out of the stream. */
    runId: z.string().min(1).optional(),
  })
  .refine(...oneRef);

export interface ScenarioStepResult {
  /** From 1. */
  step: number;
  vendor: VendorId;
  eventName: string;
  eventId: string;
  entityId: string;
  deliveryIds: string[];
}

export interface ScenarioProgress extends ScenarioStepResult {
  runId: string;
  total: number;
}

export interface ScenarioRunResult {
  runId: string;
  scenarioId: string;
  steps: ScenarioStepResult[];
}
