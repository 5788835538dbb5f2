/**
 * When, after a failed try, the next automatic one happens. Vendors publish fixed schedules
 * (Sentinel EMS); custom webhooks and vendors without a published one use exponential backoff.
 */
export type RetryPolicy = FixedRetryPolicy | ExponentialRetryPolicy;

export interface FixedRetryPolicy {
  kind: 'fixed';
  /** Delays after the first try, then after each retry; its length is the number of retries. */
  intervalsMs: readonly number[];
  /** Shown to users: where the schedule comes from and whether it is an assumption. */
  source: string;
}

export interface ExponentialRetryPolicy {
  kind: 'exponential';
  /** Delay before the first retry (before jitter). */
  baseMs: number;
  /** Each retry waits `factor` times longer than the one before, up to `maxMs`. */
  factor: number;
  maxMs: number;
  /**
   * 0..1: the share of each delay that is randomised away (0 = exact, 1 = "full jitter"),
   * so many deliveries failing together do not retry in lock-step.
   */
  jitter: number;
  retries: number;
  source: string;
}

/** Uniform in [0, 1); injectable so schedules with jitter are reproducible in tests. */
export type RandomSource = () => number;

export function retryCount(policy: RetryPolicy): number {
  return policy.kind === 'fixed' ? policy.intervalsMs.length : policy.retries;
}

/**
 * Delay before the retry that follows try number `attemptNumber` (1-based), or null when the
 * policy has no retry left.
 */
export function nextRetryDelay(policy: RetryPolicy, attemptNumber: number, random: RandomSource = Math.random): number | null {
  if (attemptNumber < 1 || attemptNumber > retryCount(policy)) return null;
  if (policy.kind === 'fixed') return policy.intervalsMs[attemptNumber - 1];
  const capped = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (attemptNumber - 1));
  return Math.round(capped * (1 - policy.jitter * random()));
}

/** Every delay of a schedule, in order (for display and tests). */
export function retrySchedule(policy: RetryPolicy, random: RandomSource = Math.random): number[] {
  return Array.from({ length: retryCount(policy) }, (_, index) => nextRetryDelay(policy, index + 1, random)!);
}
