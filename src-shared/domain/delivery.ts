import { z } from 'zod';
import type { FiredEvent, SkippedWebhook } from './event.ts';
import type { AttemptRequest, HttpHeaders } from './http-message.ts';
import { operationIdSchema } from './operation-id.ts';
import { ID_MAX } from './record-id.ts';

export const DELIVERY_STATUSES = ['pending', 'in_progress', 'retrying', 'succeeded', 'failed', 'marked_successful'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** States after which nothing happens unless a person acts. */
export const SETTLED_STATUSES: readonly DeliveryStatus[] = ['succeeded', 'failed', 'marked_successful'];

const timeBound = z.number({ error: 'must be a time in epoch milliseconds' }).int('must be a whole number of milliseconds').min(0, 'must not be negative');

/** Ids in a search or a selection: given, so an empty one is a mistake rather than a missing field. */
const idSchema = z.string().trim().min(1, 'must not be empty').max(ID_MAX, `must be at most ${ID_MAX} characters`);

/**
 * The most webhooks one match may list: the search merges one arm per webhook and status
 * (delivery-search.ts), and SQLite merges at most 500 (five narrowing statuses × 64 = 320).
 */
export const DELIVERY_MATCH_WEBHOOKS_MAX = 64;

/** Which deliveries a search (or a bulk operation) is about; every field narrows it. */
export const deliveryMatchSchema = z
  .strictObject({
    webhookId: idSchema.optional(),
    /** Deliveries to any of these webhooks (a vendor's, say); webhookId is the one-webhook form. */
    webhookIds: z
      .array(idSchema)
      .min(1, 'choose at least one webhook')
      .max(DELIVERY_MATCH_WEBHOOKS_MAX, `must list at most ${DELIVERY_MATCH_WEBHOOKS_MAX} webhooks`)
      .optional(),
    eventId: idSchema.optional(),
    statuses: z.array(deliveryStatusSchema).min(1, 'choose at least one status').optional(),
    /** Created at or after (vendor time, epoch ms). */
    createdFrom: timeBound.optional(),
    /** Created before (vendor time, epoch ms). */
    createdTo: timeBound.optional(),
  })
  .refine((m) => m.createdFrom === undefined || m.createdTo === undefined || m.createdFrom < m.createdTo, {
    path: ['createdTo'],
    message: 'must be after the start of the range',
  })
  .refine((m) => m.webhookId === undefined || m.webhookIds === undefined, {
    path: ['webhookIds'],
    message: 'give webhookId or webhookIds, not both',
  });

export type DeliveryMatch = z.output<typeof deliveryMatchSchema>;

export const DELIVERY_PAGE_MAX = 1000;

/** A search: the match, newest first, one page of it. */
export const deliveryFilterSchema = z
  .strictObject({
    match: deliveryMatchSchema.default({}),
    offset: z.number().int('must be a whole number').min(0, 'must not be negative').default(0),
    limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(DELIVERY_PAGE_MAX, `must be at most ${DELIVERY_PAGE_MAX}`).default(200),
  })
  .default({ match: {}, offset: 0, limit: 200 });

export type DeliveryFilter = z.input<typeof deliveryFilterSchema>;
export type DeliveryQuery = z.output<typeof deliveryFilterSchema>;

export interface DeliveryPage {
  deliveries: DeliverySummary[];
  /** How many deliveries match in all (for a virtualised list's height and "n of m"). */
  total: number;
  offset: number;
}

export const DELIVERY_SELECTION_MAX = 10_000;

/**
 * The deliveries a bulk operation acts on: listed ids, or everything matching a search.
 * `operationId` (chosen by the caller) tags the progress events, so a UI can follow its own.
 */
export const deliverySelectionSchema = z
  .strictObject({
    ids: z
      .array(idSchema)
      .min(1, 'choose at least one delivery')
      .max(DELIVERY_SELECTION_MAX, `must list at most ${DELIVERY_SELECTION_MAX} deliveries; use a filter for more`)
      .optional(),
    match: deliveryMatchSchema.optional(),
    operationId: operationIdSchema.optional(),
  })
  .refine((s) => (s.ids === undefined) !== (s.match === undefined), {
    path: ['ids'],
    message: 'give either ids or match, not both or neither',
  });

export type DeliverySelection = z.input<typeof deliverySelectionSchema>;
export type DeliverySelectionQuery = z.output<typeof deliverySelectionSchema>;

export const BULK_OPERATIONS = ['retry', 'mark_successful'] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

/** Sent while a bulk operation runs (every few hundred deliveries, and once at the end). */
export interface BulkProgress {
  operationId: string;
  operation: BulkOperation;
  done: number;
  total: number;
}

export interface BulkResult {
  operationId: string;
  operation: BulkOperation;
  /** Deliveries the selection named or matched. */
  matched: number;
  /** Deliveries the operation changed. */
  changed: number;
  /** matched - changed: deliveries in a state the operation does not apply to (or unknown ids). */
  skipped: number;
  /** The skipped deliveries by the state they were in (the rest of `skipped` are unknown ids), so results can be added up. */
  skippedByStatus: Partial<Record<DeliveryStatus, number>>;
  /** Why some were skipped, in one sentence; null when none were. */
  skippedReason: string | null;
}

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

/** Bytes of a response body an attempt keeps (the engine reads and drops the rest). */
export const RESPONSE_BODY_KEPT_MAX = 64 * 1024;

export interface AttemptResponse {
  status: number;
  headers: HttpHeaders;
  /** The first RESPONSE_BODY_KEPT_MAX bytes of the body, as text. */
  body: string;
  /** Every byte of the body that arrived, kept or not. */
  bodyBytes: number;
  /** True when more arrived than `body` keeps. */
  bodyTruncated: boolean;
}

/** What started the round of tries an attempt belongs to. */
export const ATTEMPT_ROUND_TRIGGERS = ['fired', 'manual_retry', 'redelivery'] as const;
export type AttemptRoundTrigger = (typeof ATTEMPT_ROUND_TRIGGERS)[number];

export interface Attempt {
  id: string;
  deliveryId: string;
  /** 1-based over the delivery's whole life (manual retries continue the count). */
  number: number;
  /** 1 for the tries after firing; each manual retry or re-delivery starts the next round. */
  round: number;
  roundTrigger: AttemptRoundTrigger;
  scheduledAt: number;
  startedAt: number;
  durationMs: number;
  request: AttemptRequest;
  response: AttemptResponse | null;
  error: string | null;
  /** What the engine did besides the plain try (e.g. fetched a new OAuth token after a 401 and sent again); null when nothing. */
  note: string | null;
  /** How the try's OAuth 2.0 token was had; null for tries without OAuth (and those recorded before it was kept). */
  tokenExchange: TokenExchange | null;
}

/** Stands in for a client secret or a token in a recorded token exchange. */
export const MASKED_SECRET = '••••••••';

/**
 * The OAuth 2.0 client-credentials request that got a try its token, and the answer, as recorded:
 * the client secret (in the form or the Basic header) and the tokens in the answer are masked.
 */
export interface TokenExchange {
  /** Engine time the token was requested; before the try's start when the try used a cached token. */
  requestedAt: number;
  request: AttemptRequest;
  response: Pick<AttemptResponse, 'status' | 'headers' | 'body'> | null;
  /** Why no token came of it; null when one did. */
  error: string | null;
}

/**
 * A due delivery held back because the tries in flight fill its endpoint origin's slots
 * ('origin') or the engine's ('engine'); computed when asked, never stored.
 */
export interface SlotWait {
  scope: 'origin' | 'engine';
  origin: string;
  /** Tries in flight at the origin ('origin') or over all endpoints ('engine'). */
  inFlight: number;
}

export interface DeliveryDetail {
  delivery: DeliverySummary;
  event: FiredEvent;
  attempts: Attempt[];
  /** Set while the delivery is due but waits for a free slot. */
  slotWait: SlotWait | null;
  /** The other webhooks subscribed to the event that got nothing, and why. */
  skipped: SkippedWebhook[];
}
