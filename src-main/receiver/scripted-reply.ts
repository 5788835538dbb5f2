import { SCRIPTED_FAILURE_STATUS, type BinScript } from '../../src-shared/domain/bin-script.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { RandomSource } from '../engine/retry-policy.ts';

export type ScriptedReply =
  | { mode: 'reply'; status: number; headers: HttpHeaders; body: string | null; delayMs: number; why: string }
  | { mode: 'hang'; delayMs: number; why: string }
  | { mode: 'close'; delayMs: number; why: string };

/**
 * What a bin answers to its `requestNumber`-th request under `script` (1-based). Scripted
 * failures come first ("fail the first N"), then the failure rate, then the normal reply.
 * The delay applies to every answer, so a slow endpoint stays slow while it fails.
 */
export function chooseReply(script: BinScript, requestNumber: number, random: RandomSource): ScriptedReply {
  const { delayMs } = script;
  const failure = (why: string): ScriptedReply => ({
    mode: 'reply',
    status: SCRIPTED_FAILURE_STATUS,
    headers: {},
    body: `Hooklab receiver: scripted failure (${why})`,
    delayMs,
    why,
  });
  if (requestNumber >= 1 && requestNumber <= script.failFirst) return failure(`fail first ${script.failFirst}: request ${requestNumber}`);
  // Drawn only when a rate is set, so a seeded sequence is not consumed by bins that never fail.
  if (script.failureRate > 0 && random() < script.failureRate) return failure(`failure rate ${script.failureRate}`);
  if (script.mode === 'hang') return { mode: 'hang', delayMs, why: 'scripted to hang until the client gives up' };
  if (script.mode === 'close') return { mode: 'close', delayMs, why: 'scripted to close the connection' };
  return { mode: 'reply', status: script.status, headers: script.headers, body: script.body, delayMs, why: 'scripted reply' };
}
