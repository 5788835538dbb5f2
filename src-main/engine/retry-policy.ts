/** When, after a failed try, the next automatic one happens. */
export interface RetryPolicy {
  /** Delays after the first try, then after each retry; its length is the number of retries. */
  intervalsMs: readonly number[];
  /** Shown to users: where the schedule comes from and whether it is an assumption. */
  source: string;
}

/** Delay before the retry that follows try number `attemptNumber` (1-based), or null when none is left. */
export function nextRetryDelay(policy: RetryPolicy, attemptNumber: number): number | null {
  return policy.intervalsMs[attemptNumber - 1] ?? null;
}
