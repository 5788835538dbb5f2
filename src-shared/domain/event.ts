import { z } from 'zod';
import type { ConditionTrace } from './condition.ts';
import { jsonStateSchema } from './json-object.ts';
import { idSchema } from './record-id.ts';
import type { EventReplay } from './event-replay.ts';
import { catalogNameSchema, vendorIdSchema, type VendorId } from './vendor.ts';

export const EVENT_ORIGINS = ['synthetic', 'scenario', 'replay', 'api'] as const;
export type EventOrigin = (typeof EVENT_ORIGINS)[number];

export const fireEventInputSchema = z.strictObject({
  vendor: vendorIdSchema.default('sentinel-ems'),
  eventName: catalogNameSchema,
  /** Defaults to the event's first activity. */
  activity: catalogNameSchema.optional(),
  entityId: idSchema.optional(),
  /** Replaces the generated state when given. */
  currentState: jsonStateSchema.optional(),
  previousState: jsonStateSchema.optional(),
  /** Makes the generated entity reproducible. */
  seed: z.number().int().optional(),
});

export type FireEventInput = z.input<typeof fireEventInputSchema>;

export interface FiredEvent {
  id: string;
  vendor: VendorId;
  entity: string;
  eventName: string;
  activity: string;
  entityId: string;
  requestId: string;
  opTime: number;
  origin: EventOrigin;
  previousState: Record<string, unknown> | null;
  currentState: Record<string, unknown> | null;
  createdAt: number;
  /** Origin `replay`: what it replays and the request it sends; absent for other origins. */
  replay?: EventReplay;
}

/**
 * Why a webhook subscribed to a fired event got no delivery, in the order matching checks:
 * disabled, then the activity filter, then the trigger condition on the current state.
 */
export const SKIP_REASONS = ['disabled', 'activity_filtered', 'condition_false'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** How the CLI and the UI say it, beside "delivered". */
export const SKIP_LABELS: Record<SkipReason, string> = {
  disabled: 'skipped: disabled',
  activity_filtered: 'skipped: activity filtered',
  condition_false: 'skipped: condition false',
};

export interface SkippedWebhook {
  webhookId: string;
  webhookName: string;
  reason: SkipReason;
  /** For `condition_false`: the condition as it was when the event fired, and how each clause evaluated. */
  condition?: { text: string; trace: ConditionTrace | null };
}
