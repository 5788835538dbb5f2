import { z } from 'zod';
import type { AttemptRequest } from './http-message.ts';
import { idSchema } from './record-id.ts';

export const REPLAY_SOURCE_KINDS = ['capture', 'attempt'] as const;
export type ReplaySourceKind = (typeof REPLAY_SOURCE_KINDS)[number];

/**
 * `exact`: method, headers and body as they were captured or sent (nothing recomputed, never
 * retried). `resign`: the body (or an edited one) sent by a target webhook, with that webhook's
 * signatures and Authorization computed afresh, and its retry policy.
 */
export const REPLAY_MODES = ['exact', 'resign'] as const;
export type ReplayMode = (typeof REPLAY_MODES)[number];

export const replaySourceSchema = z.strictObject({ kind: z.enum(REPLAY_SOURCE_KINDS), id: idSchema });
export type ReplaySource = z.infer<typeof replaySourceSchema>;

/** What a replay event keeps of its source: enough to send it (again, on retries) without the source. */
export interface EventReplay {
  source: ReplaySource;
  mode: ReplayMode;
  /** The request as captured or sent (url excepted: the delivery has the target's); body edited when asked. */
  request: Omit<AttemptRequest, 'url'>;
}
