import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../../../src-main/engine/http-sender.ts';
import { decideNextStep } from '../../../../src-main/engine/retry-decision.ts';
import type { RetryPolicy } from '../../../../src-shared/domain/retry-policy.ts';

const policy: RetryPolicy = { kind: 'fixed', intervalsMs: [60_000, 120_000] };
const NOW = 1_000_000;
const status = (code: number, headers: Record<string, string> = {}): SendResult => ({
  response: { status: code, headers, body: '', bodyBytes: 0, bodyTruncated: false },
  error: null,
  durationMs: 1,
});
const decide = (result: SendResult, tryInRound = 1, webhookExists = true) =>
  decideNextStep({ result, webhookExists, policy, trigger: 'fired', tryInRound, now: NOW });

describe('decideNextStep', () => {
  it('2xx: succeeded, no error', () => {
    expect(decide(status(204))).toEqual({ outcome: { status: 'succeeded', nextAttemptAt: null }, error: null });
  });

  it('5xx: retrying at the policy interval while retries are left, then failed', () => {
    expect(decide(status(500), 1)).toEqual({
      outcome: { status: 'retrying', nextAttemptAt: NOW + 60_000 },
      error: 'Endpoint answered HTTP 500',
    });
    expect(decide(status(500), 2).outcome).toEqual({ status: 'retrying', nextAttemptAt: NOW + 120_000 });
    expect(decide(status(500), 3).outcome).toEqual({ status: 'failed', nextAttemptAt: null });
  });

  it('a manual retry round ends after its third try, whatever the policy has left', () => {
    const manual = (tryInRound: number) =>
      decideNextStep({ result: status(500), webhookExists: true, policy, trigger: 'manual_retry', tryInRound, now: NOW }).outcome;
    expect([1, 2, 3].map(manual)).toEqual([
      { status: 'retrying', nextAttemptAt: NOW + 60_000 },
      { status: 'retrying', nextAttemptAt: NOW + 120_000 },
      { status: 'failed', nextAttemptAt: null },
    ]);
  });

  it('final statuses fail at once, retries left or not', () => {
    expect(decide(status(404))).toEqual({ outcome: { status: 'failed', nextAttemptAt: null }, error: 'Endpoint answered HTTP 404' });
    expect(decide(status(410))).toEqual({
      outcome: { status: 'failed', nextAttemptAt: null },
      error: 'Endpoint answered HTTP 410 Gone: the target is retired; no further tries',
    });
  });

  it('Retry-After can only lengthen the wait', () => {
    expect(decide(status(429, { 'retry-after': '600' })).outcome.nextAttemptAt).toBe(NOW + 600_000);
    expect(decide(status(429, { 'retry-after': '1' })).outcome.nextAttemptAt).toBe(NOW + 60_000);
  });

  it('network errors keep their message and are retried', () => {
    const refused: SendResult = { response: null, error: 'ECONNREFUSED: connect', failure: 'network', durationMs: 1 };
    expect(decide(refused)).toEqual({ outcome: { status: 'retrying', nextAttemptAt: NOW + 60_000 }, error: 'ECONNREFUSED: connect' });
  });

  it('a deleted webhook fails the delivery without retries', () => {
    const nothingSent: SendResult = { response: null, error: 'The webhook was deleted', durationMs: 0 };
    expect(decide(nothingSent, 1, false).outcome).toEqual({ status: 'failed', nextAttemptAt: null });
  });
});
