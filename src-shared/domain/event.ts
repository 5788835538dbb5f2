import { z } from 'zod';
import type { EventReplay } from './replay.ts';
import { vendorIdSchema, type VendorId } from './vendor.ts';

export const EVENT_ORIGINS = ['synthetic', 'scenario', 'replay', 'api'] as const;
export type EventOrigin = (typeof EVENT_ORIGINS)[number];

const entityState = z.record(z.string(), z.unknown());

export const fireEventInputSchema = z.strictObject({
  vendor: vendorIdSchema.default('sentinel-ems'),
  eventName: z.string().min(1, 'is required'),
  /** Defaults to the event's first activity. */
  activity: z.string().min(1).optional(),
  entityId: z.string().min(1).optional(),
  /** Replaces the generated state when given. */
  currentState: entityState.optional(),
  previousState: entityState.optional(),
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
