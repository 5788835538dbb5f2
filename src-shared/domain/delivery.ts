import { z } from 'zod';
import type { FiredEvent } from './event.ts';

export const DELIVERY_STATUSES = [
  'pending',
  'in_progress',
  'retrying',
  'succeeded',
  'failed',
  'marked_successful',
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** States after which nothing happens unless a person acts. */
export const SETTLED_STATUSES: readonly DeliveryStatus[] = ['succeeded', 'failed', 'marked_successful'];

export const deliveryFilterSchema = z
  .object({
    webhookId: z.string().min(1).optional(),
    eventId: z.string().min(1).optional(),
    status: deliveryStatusSchema.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ limit: 200 });

export type DeliveryFilter = z.input<typeof deliveryFilterSchema>;
export type DeliveryQuery = z.output<typeof deliveryFilterSchema>;

export interface DeliverySummary {
  id: string;
  eventId: string;
  webhookId: string;
  webhookName: string;
  eventName: string;
  activity: string;
  endpointUrl: string;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export type HttpHeaders = Record<string, string>;

export interface AttemptRequest {
  method: string;
  url: string;
  headers: HttpHeaders;
  body: string;
}

export interface AttemptResponse {
  status: number;
  headers: HttpHeaders;
  body: string;
}

export interface Attempt {
  id: string;
  deliveryId: string;
  number: number;
  scheduledAt: number;
  startedAt: number;
  durationMs: number;
  request: AttemptRequest;
  response: AttemptResponse | null;
  error: string | null;
}

export interface DeliveryDetail {
  delivery: DeliverySummary;
  event: FiredEvent;
  attempts: Attempt[];
}
