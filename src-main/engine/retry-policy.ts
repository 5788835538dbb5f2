import type { AttemptRoundTrigger } from '../../src-shared/domain/delivery.ts';
import type { FixedRetryPolicy, RetryPolicy } from '../../src-shared/domain/retry-policy.ts';
import { retryCount, retryDelayCeilingMs } from '../../src-shared/domain/retry-schedule.ts';

/** One try, no retries: below what a user may configure (at least one interval), so built here. */
export const NEVER_RETRIED: FixedRetryPolicy = { kind: 'fixed', intervalsMs: [] };

/** Uniform in [0, 1); injectable so schedules with jitter are reproducible in tests. */
export type RandomSource = () => number;

/**
 * Delay before the retry that follows try number `attemptNumber` (1-based), or null when the
 * policy has no retry left.
 */
export function nextRetryDelay(policy: RetryPolicy, attemptNumber: number, random: RandomSource = Math.random): number | null {
  if (attemptNumber < 1 || attemptNumber > retryCount(policy)) return null;
  const ceiling = retryDelayCeilingMs(policy, attemptNumber);
  return policy.kind === 'fixed' ? ceiling : Math.round(ceiling * (1 - policy.jitter * random()));
}

/** Every delay of a schedule, in order (for display and tests). */
export function retrySchedule(policy: RetryPolicy, random: RandomSource = Math.random): number[] {
  return Array.from({ length: retryCount(policy) }, (_, index) => nextRetryDelay(policy, index + 1, random)!);
}

/** Seed 002, "Troubleshooting and Retries": a manual retry "triggers up to three new delivery attempts". */
export const MANUAL_RETRY_ATTEMPTS = 3;

/**
 * Delay before the next try of a round after its try number `tryInRound` (1-based) failed, or
 * null when the round is over. The round that firing starts is the policy itself: one try and its
 * retries. A manual retry or re-delivery makes MANUAL_RETRY_ATTEMPTS tries, spaced like the
 * policy's first retries (its last interval repeats when it has fewer).
 */
export function nextDelayInRound(policy: RetryPolicy, trigger: AttemptRoundTrigger, tryInRound: number, random: RandomSource = Math.random): number | null {
  if (trigger === 'fired') return nextRetryDelay(policy, tryInRound, random);
  if (tryInRound < 1 || tryInRound >= MANUAL_RETRY_ATTEMPTS) return null;
  return nextRetryDelay(policy, Math.min(tryInRound, retryCount(policy)), random);
}
