import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { ScriptedReply } from './scripted-reply.ts';
import { headerValue } from '../engine/header-value.ts';

/** A CloudEvents validation handshake: an OPTIONS naming its origin. It carries no credentials (spec §4.1). */
export function isValidationRequest(method: string, headers: HttpHeaders): boolean {
  return method === 'OPTIONS' && headerValue(headers, 'webhook-request-origin') !== undefined;
}

/**
 * The built-in receiver's side of the CloudEvents abuse-protection handshake (webhook spec §4.2):
 * an OPTIONS request naming its WebHook-Request-Origin gets 200 with WebHook-Allowed-Origin set to
 * that origin, WebHook-Allowed-Rate `*` (no limit) and `Allow: POST`.
 *
 * Only when the bin would have answered with success: a bin scripted to fail (a non-2xx status,
 * failFirst, a failure rate, hang, close) fails the handshake the same way, which is how users
 * try a refusing endpoint. The bin's own headers come last, so a script can also answer a
 * different WebHook-Allowed-Origin or a rate.
 */
export function withValidationAnswer(method: string, headers: HttpHeaders, planned: ScriptedReply): ScriptedReply {
  if (!isValidationRequest(method, headers)) return planned;
  if (planned.mode !== 'reply' || planned.status < 200 || planned.status > 299) return planned;
  // isValidationRequest has seen it there.
  const origin = headerValue(headers, 'webhook-request-origin')!;
  return {
    mode: 'reply',
    status: 200,
    headers: { 'webhook-allowed-origin': origin, 'webhook-allowed-rate': '*', allow: 'POST', ...planned.headers },
    body: '',
    delayMs: planned.delayMs,
    why: `validation handshake: deliveries from ${origin} allowed`,
  };
}
