import { z } from 'zod';
import { jsonStateSchema } from './json-object.ts';
import { catalogNameSchema, vendorIdSchema } from './vendor.ts';

export const CONDITION_MAX = 4000;

/** An error in a trigger condition, located in the expression text (offsets are 0-based, end exclusive). */
export interface ConditionDiagnostic {
  message: string;
  /** What would have been valid there, e.g. "a path, a 'string' or (". */
  expected?: string;
  start: number;
  end: number;
  /** 1-based, for people and for Monaco markers. */
  line: number;
  column: number;
}

export type ComparisonOperator = '==' | '!=';

/** How one part of a condition evaluated, for the per-clause trace. */
export type ConditionTrace =
  | {
      kind: 'comparison';
      text: string;
      start: number;
      end: number;
      result: boolean;
      path: string;
      operator: ComparisonOperator;
      /** The literal compared against. */
      expected: unknown;
      /** Every value the path reached in the payload (several with `*` or `[*]`); empty when missing. */
      found: unknown[];
    }
  | {
      kind: 'and' | 'or';
      text: string;
      start: number;
      end: number;
      result: boolean;
      children: ConditionTrace[];
    };

/** Sentinel's "Manage Trigger Conditions" model: And/Or groups of rows and nested groups. */
export interface ConditionRow {
  kind: 'row';
  path: string;
  operator: ComparisonOperator;
  value: string;
}

export interface ConditionGroup {
  kind: 'group';
  operator: 'and' | 'or';
  items: Array<ConditionRow | ConditionGroup>;
}

export interface ConditionEvaluation {
  /** null when the condition has errors; an empty condition matches everything (true). */
  result: boolean | null;
  diagnostics: ConditionDiagnostic[];
  /** Not errors: the condition runs as written, but likely not as meant (a misspelled path). */
  warnings: ConditionDiagnostic[];
  trace: ConditionTrace | null;
  /** The condition as a builder model, or null with `builderNote` saying why it cannot be shown there. */
  builder: ConditionGroup | null;
  builderNote?: string;
}

export const evaluateConditionInputSchema = z.strictObject({
  condition: z.string().max(CONDITION_MAX, `must be at most ${CONDITION_MAX} characters`),
  /** The evaluation context: the entity's current state, e.g. `{ "entitlement": { … } }`. */
  payload: jsonStateSchema,
});
export type EvaluateConditionInput = z.input<typeof evaluateConditionInputSchema>;

export const sampleStateInputSchema = z.strictObject({
  vendor: vendorIdSchema.default('sentinel-ems'),
  eventName: catalogNameSchema,
  /** Defaults to the event's first activity; some change the state (a delete activity leaves none). */
  activity: catalogNameSchema.optional(),
  seed: z.number().int().optional(),
});
export type SampleStateInput = z.input<typeof sampleStateInputSchema>;

export interface SampleState {
  eventName: string;
  entityId: string;
  currentState: Record<string, unknown> | null;
  previousState: Record<string, unknown> | null;
}
