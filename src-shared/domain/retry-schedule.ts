import type { RetryPolicy } from './retry-policy.ts';

export function retryCount(policy: RetryPolicy): number {
  return policy.kind === 'fixed' ? policy.intervalsMs.length : policy.retries;
}

/**
 * The wait before retry `retryNumber` (1-based) before jitter: what the engine waits at most.
 * Jitter only ever shortens it, by up to `jitter` of it.
 */
export function retryDelayCeilingMs(policy: RetryPolicy, retryNumber: number): number {
  if (policy.kind === 'fixed') return policy.intervalsMs[retryNumber - 1];
  return Math.min(policy.maxMs, policy.baseMs * policy.factor ** (retryNumber - 1));
}

export interface RetryDelayRange {
  shortestMs: number;
  longestMs: number;
}

/** Every retry's wait, as the range jitter leaves it in, for previews of a schedule. */
export function retryDelayRanges(policy: RetryPolicy): RetryDelayRange[] {
  const jitter = policy.kind === 'exponential' ? policy.jitter : 0;
  return Array.from({ length: retryCount(policy) }, (_, index) => {
    const longestMs = retryDelayCeilingMs(policy, index + 1);
    return { shortestMs: Math.round(longestMs * (1 - jitter)), longestMs };
  });
}
