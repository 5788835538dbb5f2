import type { DeliveryRules } from '../../src-shared/domain/delivery-rules.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { outcomeRules } from '../engine/outcome-classification.ts';
import { MANUAL_RETRY_ATTEMPTS, retrySchedule } from '../engine/retry-policy.ts';
import type { VendorProfile } from '../vendors/vendor-profile.ts';

/** Drawing 0 takes nothing away: the schedule before jitter. */
const NO_JITTER = () => 0;

/** The rules the engine follows, read from the engine itself, for the UI and CLI to show. */
export function deliveryRules(profiles: Record<VendorId, VendorProfile>): DeliveryRules {
  return {
    outcomes: outcomeRules(),
    manualRetryAttempts: MANUAL_RETRY_ATTEMPTS,
    vendorDefaults: (Object.entries(profiles) as [VendorId, VendorProfile][]).map(([vendor, profile]) => ({
      vendor,
      policy: profile.retryPolicy,
      source: profile.retryPolicySource,
      scheduleMs: retrySchedule(profile.retryPolicy, NO_JITTER),
    })),
  };
}
