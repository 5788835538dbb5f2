import { describe, expect, it } from 'vitest';
import { classifyOutcome, OUTCOME_RULES, outcomeRules, parseRetryAfter } from '../../../../src-main/engine/outcome-classification.ts';

const NOW = Date.UTC(2025, 6, 23, 10, 0, 0);
const answered = (status: number, headers: Record<string, string> = {}) => ({ response: { status, headers } });

describe('classifyOutcome: which tries are delivered, retried or final', () => {
  it.each([200, 201, 202, 204, 299])('HTTP %i is a success', (status) => {
    expect(classifyOutcome(answered(status), NOW).kind).toBe('success');
  });

  it.each([500, 502, 503, 504, 599, 408, 429])('HTTP %i is retried', (status) => {
    expect(classifyOutcome(answered(status), NOW)).toEqual({ kind: 'retry', reason: `HTTP ${status}: retried` });
  });

  it.each([400, 401, 403, 404, 409, 410, 422, 301, 304, 100])('HTTP %i is final: failed at once', (status) => {
    expect(classifyOutcome(answered(status), NOW).kind).toBe('final');
  });

  it('network errors and timeouts are retried, each with its own reason', () => {
    expect(classifyOutcome({ response: null, failure: 'network' }, NOW)).toEqual({ kind: 'retry', reason: 'Network error: no HTTP answer' });
    expect(classifyOutcome({ response: null, failure: 'timeout' }, NOW)).toEqual({ kind: 'retry', reason: 'The endpoint did not answer in time' });
  });

  it('429 and 503 carry Retry-After in seconds or as an HTTP-date', () => {
    expect(classifyOutcome(answered(429, { 'Retry-After': '120' }), NOW)).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
    const date = new Date(NOW + 90_000).toUTCString();
    expect(classifyOutcome(answered(503, { 'retry-after': date }), NOW)).toMatchObject({ kind: 'retry', retryAfterMs: 90_000 });
  });

  it('410 Gone: the target is retired (CloudEvents webhook spec), final with that reason', () => {
    expect(classifyOutcome(answered(410), NOW)).toEqual({
      kind: 'final',
      reason: 'HTTP 410 Gone: the target is retired; no further tries',
      consequence: 'Gone: the target is retired; no further tries',
    });
  });

  it('a refused validation handshake is retried, even though its answer was a 4xx', () => {
    expect(classifyOutcome({ response: { status: 405, headers: {} }, failure: 'validation' }, NOW)).toEqual({
      kind: 'retry',
      reason: 'Endpoint validation refused: nothing was posted; retried',
    });
  });

  it('Retry-After on a final status changes nothing', () => {
    expect(classifyOutcome(answered(400, { 'retry-after': '5' }), NOW)).toEqual({
      kind: 'final',
      reason: 'HTTP 400: the endpoint refused the request; not retried',
    });
  });
});

describe('the classification table (what getDeliveryRules shows)', () => {
  it.each(OUTCOME_RULES.map((rule) => [rule.responses, rule] as const))('“%s”: its example classifies as the row says', (_, rule) => {
    expect(classifyOutcome(rule.example, NOW).kind).toBe(rule.verdict);
    expect(OUTCOME_RULES.find((candidate) => candidate.covers(rule.example))).toBe(rule);
  });

  it('covers every try (its last row covers anything) and is carried without its functions', () => {
    expect(OUTCOME_RULES.at(-1)!.covers(answered(999))).toBe(true);
    expect(JSON.parse(JSON.stringify(outcomeRules()))).toEqual(outcomeRules());
    expect(outcomeRules().map((rule) => rule.verdict)).toEqual(['success', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'final', 'final']);
  });
});

describe('parseRetryAfter', () => {
  it('ignores what RFC 9110 does not allow', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
  });

  it('a date in the past means no extra wait', () => {
    expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0);
  });
});
