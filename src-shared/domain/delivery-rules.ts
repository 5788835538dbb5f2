import type { RetryPolicy } from './retry-policy.ts';
import type { VendorId } from './vendor.ts';

/** How the engine judges one try: delivered, worth retrying, or final. */
export type OutcomeVerdict = 'success' | 'retry' | 'final';

/** One row of the classification table the UI shows ("which responses are retried"). */
export interface OutcomeRule {
  /** What came back, in words: "2xx", "5xx", "408", "429", "No answer: network error", … */
  responses: string;
  verdict: OutcomeVerdict;
  detail: string;
}

export interface VendorRetryDefault {
  vendor: VendorId;
  policy: RetryPolicy;
  /** Where the schedule comes from, and whether it is an assumption. */
  source: string;
  /** The delays before each automatic retry, in ms of vendor time (without jitter). */
  scheduleMs: number[];
}

/** The delivery rules, as data, so the UI shows exactly what the engine does. */
export interface DeliveryRules {
  outcomes: OutcomeRule[];
  /** Tries one manual retry (or re-delivery) gives: the first at once, the rest at the policy's intervals. */
  manualRetryAttempts: number;
  vendorDefaults: VendorRetryDefault[];
}
