import { z } from 'zod';
import { DAY_MS, SECOND_MS } from './time-units.ts';

/** More retries than this is a typo, not a policy; vendors publish three to five. */
export const RETRIES_MAX = 20;

const delayMs = (label: string, min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number of milliseconds')
    .min(min, `${label} must be at least ${min / SECOND_MS} s`)
    .max(max, `${label} must be at most ${max / DAY_MS} days`);

/**
 * When, after a failed try, the next automatic one happens. Vendors publish fixed schedules
 * (Sentinel EMS); a webhook may override its vendor's default with a custom list of intervals,
 * or with exponential backoff with jitter and a cap.
 */
export const fixedRetryPolicySchema = z.strictObject({
  kind: z.literal('fixed'),
  /** Delays after the first try, then after each retry; its length is the number of retries. */
  intervalsMs: z
    .array(delayMs('each interval', SECOND_MS, 7 * DAY_MS))
    .min(1, 'give at least one interval')
    .max(RETRIES_MAX, `must have at most ${RETRIES_MAX} intervals`),
});

export const exponentialRetryPolicySchema = z
  .strictObject({
    kind: z.literal('exponential'),
    /** Delay before the first retry (before jitter). */
    baseMs: delayMs('the first delay', SECOND_MS, DAY_MS),
    /** Each retry waits `factor` times longer than the one before, up to `maxMs`. */
    factor: z.number({ error: 'must be a number' }).min(1, 'must be at least 1').max(10, 'must be at most 10'),
    maxMs: delayMs('the cap', SECOND_MS, 7 * DAY_MS),
    /**
     * 0..1: the share of each delay that is randomised away (0 = exact, 1 = "full jitter"),
     * so many deliveries failing together do not retry in lock-step.
     */
    jitter: z.number({ error: 'must be a number' }).min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
    retries: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(RETRIES_MAX, `must be at most ${RETRIES_MAX}`),
  })
  .refine((policy) => policy.maxMs >= policy.baseMs, { path: ['maxMs'], message: 'must not be below the first delay' });

export const retryPolicySchema = z.discriminatedUnion('kind', [fixedRetryPolicySchema, exponentialRetryPolicySchema]);

export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type FixedRetryPolicy = z.infer<typeof fixedRetryPolicySchema>;
export type ExponentialRetryPolicy = z.infer<typeof exponentialRetryPolicySchema>;
