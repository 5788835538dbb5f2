import type { CheckExchange, CheckFamily, CheckOutcome } from '../../src-shared/domain/endpoint-check.ts';
import type { CheckSession, CheckTarget } from './check-session.ts';

export interface CaseVerdict {
  outcome: Exclude<CheckOutcome, 'skipped'>;
  verdict: string;
  exchanges: CheckExchange[];
}

/** One case of the battery: what it sends, what a correct receiver answers, and why that matters. */
export interface CheckCase {
  id: string;
  family: CheckFamily;
  title: string;
  required: boolean;
  expected: string;
  why: string;
  /**
   * When nothing at all comes back (a timeout, a refused connection), the cases after this one
   * are not sent: against an endpoint that is down or hangs, each would only wait out its deadline.
   */
  gatesTheRest?: boolean;
  /** Why the case does not apply to this target; null when it does. */
  skipReason(target: CheckTarget): string | null;
  run(session: CheckSession): Promise<CaseVerdict>;
}

/** What came back, in a few words: "HTTP 401 in 12 ms", or the transport error. */
export function answerOf(exchange: CheckExchange): string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  const cut = exchange.error ? ` (${exchange.error})` : '';
  return `HTTP ${exchange.response.status} in ${exchange.durationMs} ms${cut}`;
}

function statusOf(exchange: CheckExchange): number | null {
  return exchange.response && !exchange.error ? exchange.response.status : null;
}

export function isAccepted(exchange: CheckExchange): boolean {
  const status = statusOf(exchange);
  return status !== null && status >= 200 && status <= 299;
}

/** A forged or unauthorized request: any complete non-2xx answer is a rejection; silence is not. */
export function judgeRejected(exchange: CheckExchange): CaseVerdict {
  const status = statusOf(exchange);
  if (status === null) return { outcome: 'fail', verdict: `${answerOf(exchange)}: a rejection is an answer`, exchanges: [exchange] };
  const accepted = status >= 200 && status <= 299;
  return { outcome: accepted ? 'fail' : 'pass', verdict: `${accepted ? 'accepted' : 'rejected'}: ${answerOf(exchange)}`, exchanges: [exchange] };
}

export function judgeStatus(exchange: CheckExchange, wanted: number): CaseVerdict {
  const status = statusOf(exchange);
  return { outcome: status === wanted ? 'pass' : 'fail', verdict: answerOf(exchange), exchanges: [exchange] };
}

export function judgeAccepted(exchange: CheckExchange): CaseVerdict {
  return { outcome: isAccepted(exchange) ? 'pass' : 'fail', verdict: answerOf(exchange), exchanges: [exchange] };
}

/** A body the endpoint cannot use: a 4xx says so; a 5xx, a 2xx or silence does not. */
export function judgeClientError(exchange: CheckExchange): CaseVerdict {
  const status = statusOf(exchange);
  const ok = status !== null && status >= 400 && status <= 499;
  return { outcome: ok ? 'pass' : 'fail', verdict: answerOf(exchange), exchanges: [exchange] };
}
