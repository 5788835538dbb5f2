import { z } from 'zod';
import { binNameSchema } from './bin-name.ts';
import { CAPTURE_BODY_LIMIT_BYTES } from './capture.ts';
import type { DeliverySummary } from './delivery.ts';
import type { FiredEvent } from './event.ts';
import { REPLAY_MODES, replaySourceSchema, type ReplayMode } from './event-replay.ts';
import { HTTP_URL_MAX, refineHttpUrl } from './http-url.ts';
import { operationIdSchema } from './operation-id.ts';
import { idSchema } from './record-id.ts';
import { jsonSyntaxProblem } from './json-syntax.ts';

export const replayTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('url'),
    url: z.string().trim().max(HTTP_URL_MAX, `must be at most ${HTTP_URL_MAX} characters`).superRefine(refineHttpUrl),
  }),
  z.strictObject({ kind: z.literal('webhook'), webhookId: idSchema }),
]);
export type ReplayTarget = z.infer<typeof replayTargetSchema>;

const modeSchema = z.enum(REPLAY_MODES).default('exact');

/** A resign replay needs a webhook: its profile says how to sign and authorize. */
function resignNeedsWebhook(input: { mode: ReplayMode; target: ReplayTarget }): boolean {
  return input.mode !== 'resign' || input.target.kind === 'webhook';
}
const RESIGN_NEEDS_WEBHOOK = { path: ['target'], message: 'resign mode needs a target webhook (its keys and auth sign the replay)' };

export const replayInputSchema = z
  .strictObject({
    source: replaySourceSchema,
    target: replayTargetSchema,
    mode: modeSchema,
    /** Replaces the source's body (resign mode only: an edited body is signed afresh). */
    body: z.string().max(CAPTURE_BODY_LIMIT_BYTES, `must be at most ${CAPTURE_BODY_LIMIT_BYTES} characters`).optional(),
  })
  .refine(resignNeedsWebhook, RESIGN_NEEDS_WEBHOOK)
  .refine((input) => input.body === undefined || input.mode === 'resign', {
    path: ['body'],
    message: 'an edited body is only sent in resign mode (exact mode sends what was captured)',
  })
  .superRefine((input, context) => {
    // A re-signed replay goes out as the webhook's JSON: a broken edit would be signed and sent as if fine.
    const problem = input.body === undefined ? null : jsonSyntaxProblem(input.body);
    if (problem) context.addIssue({ code: 'custom', path: ['body'], message: `must be valid JSON: ${problem}` });
  });
export type ReplayInput = z.input<typeof replayInputSchema>;
export type ReplayQuery = z.output<typeof replayInputSchema>;

export const REPLAY_RATE_MAX = 100;

export const replayCapturesInputSchema = z
  .strictObject({
    bin: binNameSchema,
    /** The newest `limit` captures of the bin, replayed oldest first. */
    limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(200),
    target: replayTargetSchema,
    mode: modeSchema,
    /** Replays queued per second; none: as fast as the outbox takes them. */
    ratePerSecond: z.number().positive('must be above 0').max(REPLAY_RATE_MAX, `must be at most ${REPLAY_RATE_MAX}`).optional(),
    /** Tags the progress events (see BulkProgress). */
    operationId: operationIdSchema.optional(),
  })
  .refine(resignNeedsWebhook, RESIGN_NEEDS_WEBHOOK);
export type ReplayCapturesInput = z.input<typeof replayCapturesInputSchema>;
export type ReplayCapturesQuery = z.output<typeof replayCapturesInputSchema>;

export interface ReplayResult {
  event: FiredEvent;
  delivery: DeliverySummary;
}

/** Sent after each capture of a bulk replay (and once when there are none), like BulkProgress. */
export interface ReplayProgress {
  operationId: string;
  done: number;
  total: number;
}

export interface ReplaySkip {
  captureId: string;
  reason: string;
}

export interface ReplayCapturesResult {
  operationId: string;
  /** Replays queued (each a delivery; its tries are in the deliveries list). */
  sent: number;
  /** The deliveries of the replays sent, oldest capture first. */
  deliveryIds: string[];
  /** Captures whose replay could not be queued. */
  failed: ReplaySkip[];
  /** Captures that cannot be replayed, and why. */
  skipped: ReplaySkip[];
  /** Captures left when the replay was stopped (stopReplayCaptures); 0 when it ran to the end. */
  notSent: number;
}

export const stopReplayCapturesInputSchema = z.strictObject({ operationId: operationIdSchema });
