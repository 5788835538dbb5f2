import type { AttemptResponse } from '../../src-shared/domain/delivery.ts';

/** How a try failed before any HTTP answer arrived. */
export type TransportFailure = 'timeout' | 'network';

/** What one try produced, as the classification needs it. */
export interface TryResult {
  response: Pick<AttemptResponse, 'status' | 'headers'> | null;
  /** Set when there is no response. */
  failure?: TransportFailure;
}

export type OutcomeClass =
  | { kind: 'success'; reason: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'final'; reason: string };

/**
 * Which tries count as delivered, which are worth retrying and which never will be. One table
 * for every vendor (the CloudEvents webhook spec and common vendor practice agree on it):
 * - 2xx: delivered.
 * - 5xx, 408 Request Timeout, 429 Too Many Requests: the endpoint may recover; retried, and a
 *   Retry-After (seconds or HTTP-date) stretches the wait.
 * - no answer (network error, timeout): retried.
 * - any other status (other 4xx, and 1xx/3xx, which a webhook endpoint should never send):
 *   the request itself is refused, so sending it again cannot help; failed at once.
 */
export function classifyOutcome(result: TryResult, now: number = Date.now()): OutcomeClass {
  const { response } = result;
  if (!response) {
    return result.failure === 'timeout'
      ? { kind: 'retry', reason: 'The endpoint did not answer in time' }
      : { kind: 'retry', reason: 'Network error: no HTTP answer' };
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'success', reason: `HTTP ${status}: delivered` };
  if (status >= 500 || status === 408 || status === 429) {
    const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), now);
    const reason = `HTTP ${status}: retried${retryAfterMs === undefined ? '' : ' (Retry-After honoured)'}`;
    return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
  }
  return { kind: 'final', reason: `HTTP ${status}: the endpoint refused the request; not retried` };
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date) || !/[a-z]/i.test(trimmed)) return undefined;
  return Math.max(0, date - now);
}
