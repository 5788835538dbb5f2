import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../../../src-shared/domain/retry-policy.ts';
import { MANUAL_RETRY_ATTEMPTS, nextDelayInRound, nextRetryDelay, retrySchedule } from '../../../../src-main/engine/retry-policy.ts';
import { retryCount } from '../../../../src-shared/domain/retry-schedule.ts';
import { seededRandom } from '../../../../src-main/engine/seeded-random.ts';

const fixed: RetryPolicy = { kind: 'fixed', intervalsMs: [1000, 5000, 9000] };
const exponential = (jitter: number): RetryPolicy => ({
  kind: 'exponential',
  baseMs: 1000,
  factor: 2,
  maxMs: 6000,
  jitter,
  retries: 5,
});

describe('retry policies', () => {
  it('fixed: one delay per retry, in order, then none', () => {
    expect(retryCount(fixed)).toBe(3);
    expect([1, 2, 3, 4].map((n) => nextRetryDelay(fixed, n))).toEqual([1000, 5000, 9000, null]);
    expect(nextRetryDelay(fixed, 0)).toBeNull();
  });

  it('exponential without jitter: base × factor^n, capped at maxMs, `retries` of them', () => {
    expect(retrySchedule(exponential(0))).toEqual([1000, 2000, 4000, 6000, 6000]);
    expect(nextRetryDelay(exponential(0), 6)).toBeNull();
  });

  it('exponential with jitter: each delay within [(1 - jitter) × d, d], reproducible with a seed', () => {
    const a = retrySchedule(exponential(0.5), seededRandom(7));
    const b = retrySchedule(exponential(0.5), seededRandom(7));
    const c = retrySchedule(exponential(0.5), seededRandom(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const exact = retrySchedule(exponential(0));
    a.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(exact[index] * 0.5);
      expect(delay).toBeLessThanOrEqual(exact[index]);
    });
  });

  it('full jitter never goes below zero', () => {
    expect(retrySchedule(exponential(1), () => 0.999_999).every((delay) => delay >= 0)).toBe(true);
  });
});

describe('rounds of tries', () => {
  const delays = (policy: RetryPolicy, trigger: 'fired' | 'manual_retry' | 'redelivery') =>
    [1, 2, 3, 4, 5].map((tryInRound) => nextDelayInRound(policy, trigger, tryInRound));

  it('the round firing starts is the policy: one try and its retries', () => {
    expect(delays(fixed, 'fired')).toEqual([1000, 5000, 9000, null, null]);
  });

  it('a manual retry or re-delivery makes three tries at the policy’s first intervals', () => {
    expect(MANUAL_RETRY_ATTEMPTS).toBe(3);
    expect(delays(fixed, 'manual_retry')).toEqual([1000, 5000, null, null, null]);
    expect(delays(fixed, 'redelivery')).toEqual([1000, 5000, null, null, null]);
  });

  it('a manual round repeats the last interval of a policy with fewer retries than it needs', () => {
    expect(delays({ kind: 'fixed', intervalsMs: [2000] }, 'manual_retry')).toEqual([2000, 2000, null, null, null]);
    expect(delays({ kind: 'fixed', intervalsMs: [2000] }, 'fired')).toEqual([2000, null, null, null, null]);
  });
});

describe('seededRandom', () => {
  it('is uniform enough in [0, 1)', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 10_000 }, random);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
