import type { AttemptRequest, HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { EventReplay } from '../../src-shared/domain/event-replay.ts';
import type { VendorPayload } from '../vendors/vendor-profile.ts';

/**
 * Headers that describe one connection or one message framing, not the request: the HTTP client
 * computes them for the target (host from the URL, content-length from the body), so an exact
 * replay leaves them out rather than sending stale ones (RFC 9110 §7.6.1, RFC 9112 §6).
 */
const RECOMPUTED_BY_HTTP = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-connection',
  'expect',
]);

/** What a resign replay computes afresh for its target webhook; the source's values would not verify. */
const RECOMPUTED_BY_SIGNING = new Set(['authorization', 'n-signature', 'webhook-id', 'webhook-timestamp', 'webhook-signature', 'user-agent']);

function without(headers: HttpHeaders, dropped: ReadonlySet<string>): HttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase())));
}

/** An exact replay: the source's method, headers and body, to `url`. */
export function exactReplayRequest(replay: EventReplay, url: string): AttemptRequest {
  const { method, headers, body } = replay.request;
  return { method, url, headers: without(headers, RECOMPUTED_BY_HTTP), body };
}

/** A resign replay's payload: the (edited) body and the source's other headers, for the dispatcher to sign and authorize. */
export function resignPayload(replay: EventReplay): VendorPayload {
  const headers = without(without(replay.request.headers, RECOMPUTED_BY_HTTP), RECOMPUTED_BY_SIGNING);
  return { headers, body: replay.request.body };
}
