import type { AttemptResponse } from '../../src-shared/domain/delivery.ts';
import type { OutcomeRule } from '../../src-shared/domain/delivery-rules.ts';
import { headerValue } from './header-value.ts';

/**
 * How a try failed without an HTTP answer to its request: no answer in time, none at all, or
 * (CloudEvents) the endpoint did not agree to deliveries in the validation handshake, so the
 * request was never sent; the response, if any, is then the handshake's.
 */
export type TransportFailure = 'timeout' | 'network' | 'validation';

/** What one try produced, as the classification needs it. */
export interface TryResult {
  response: Pick<AttemptResponse, 'status' | 'headers'> | null;
  /** Set when there is no response, or (timeout) when the body did not arrive whole in time. */
  failure?: TransportFailure;
}

export type OutcomeClass =
  | { kind: 'success'; reason: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'final'; reason: string; consequence?: string };

/** A row of the table, with the test for the tries it covers and one such try (checked in tests). */
interface OutcomeRuleDefinition extends OutcomeRule {
  covers(result: TryResult): boolean;
  example: TryResult;
  /** For final rows whose status says more than "refused": what the attempt's error adds. */
  consequence?: string;
}

/** The answer to the request itself: a refused handshake's response is not one. */
const statusIn = (low: number, high: number) => (result: TryResult) =>
  result.failure === undefined && result.response !== null && result.response.status >= low && result.response.status <= high;
const answered = (status: number): TryResult => ({ response: { status, headers: {} } });

/**
 * Which tries count as delivered, which are worth retrying and which never will be; the first
 * row that covers a try decides. One table for every vendor (the CloudEvents webhook spec and
 * common vendor practice agree on it). It is data so that the UI shows exactly this table
 * (`getDeliveryRules`) and classifyOutcome follows nothing else.
 */
export const OUTCOME_RULES: readonly OutcomeRuleDefinition[] = [
  {
    responses: '2xx',
    verdict: 'success',
    detail: 'Delivered.',
    covers: statusIn(200, 299),
    example: answered(204),
  },
  {
    responses: '5xx',
    verdict: 'retry',
    detail: 'The endpoint may recover: retried at the policy’s next interval, later if Retry-After asks for longer.',
    covers: statusIn(500, 599),
    example: answered(503),
  },
  {
    responses: '408 Request Timeout',
    verdict: 'retry',
    detail: 'Retried at the policy’s next interval, later if Retry-After asks for longer.',
    covers: statusIn(408, 408),
    example: answered(408),
  },
  {
    responses: '429 Too Many Requests',
    verdict: 'retry',
    detail: 'Retried; Retry-After (seconds or an HTTP date) is honoured when longer than the policy’s interval.',
    covers: statusIn(429, 429),
    example: { response: { status: 429, headers: { 'retry-after': '120' } } },
  },
  {
    responses: 'No answer in time (timeout)',
    verdict: 'retry',
    detail: 'The endpoint did not answer, body included, within the webhook’s timeout: retried, whatever the status said.',
    covers: (result) => result.failure === 'timeout',
    example: { response: null, failure: 'timeout' },
  },
  {
    responses: 'No answer (network error: refused, reset, DNS)',
    verdict: 'retry',
    detail: 'No HTTP answer arrived: retried.',
    covers: (result) => result.response === null,
    example: { response: null, failure: 'network' },
  },
  {
    responses: 'Endpoint validation refused (CloudEvents OPTIONS handshake)',
    verdict: 'retry',
    detail:
      'Before its first delivery to an endpoint, a CloudEvents service asks it (OPTIONS) to agree with WebHook-Allowed-Origin. Without that agreement nothing is posted: retried like a network error.',
    covers: (result) => result.failure === 'validation',
    example: { response: { status: 405, headers: {} }, failure: 'validation' },
  },
  {
    responses: '410 Gone',
    verdict: 'final',
    detail: 'The target is retired (CloudEvents webhook spec: the sender refrains from further notifications): failed at once, no further tries.',
    covers: statusIn(410, 410),
    example: answered(410),
    consequence: 'Gone: the target is retired; no further tries',
  },
  {
    responses: 'Any other status (other 4xx; 1xx and 3xx)',
    verdict: 'final',
    detail: 'The endpoint refused the request itself, so sending it again cannot help: failed at once, not retried.',
    covers: () => true,
    example: answered(404),
  },
];

export function classifyOutcome(result: TryResult, now: number = Date.now()): OutcomeClass {
  const rule = OUTCOME_RULES.find((candidate) => candidate.covers(result))!;
  const { response } = result;
  if (result.failure === 'validation') return { kind: 'retry', reason: 'Endpoint validation refused: nothing was posted; retried' };
  if (!response || result.failure === 'timeout') {
    const what = result.failure === 'timeout' ? 'The endpoint did not answer in time' : 'Network error: no HTTP answer';
    return rule.verdict === 'retry' ? { kind: 'retry', reason: what } : { kind: rule.verdict, reason: `${what}; not retried` };
  }
  const { status } = response;
  if (rule.verdict === 'success') return { kind: 'success', reason: `HTTP ${status}: delivered` };
  if (rule.verdict === 'final') {
    const { consequence } = rule;
    if (consequence) return { kind: 'final', reason: `HTTP ${status} ${consequence}`, consequence };
    return { kind: 'final', reason: `HTTP ${status}: the endpoint refused the request; not retried` };
  }
  const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), now);
  const reason = `HTTP ${status}: retried${retryAfterMs === undefined ? '' : ' (Retry-After honoured)'}`;
  return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
}

/** The table as the contract carries it. */
export function outcomeRules(): OutcomeRule[] {
  return OUTCOME_RULES.map(({ responses, verdict, detail }) => ({ responses, verdict, detail }));
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
