import { sentinelCatalog } from '../../../src-shared/vendors/sentinel-ems/catalog.ts';
import type { FixedRetryPolicy } from '../../../src-shared/domain/retry-policy.ts';
import type { VendorProfile } from '../vendor-profile.ts';
import { generateEntitlement, updateEntitlement } from './entitlement-state.ts';
import { buildSentinelPayload } from './sentinel-payload.ts';

const MINUTE = 60_000;

/**
 * Seed 002, "Troubleshooting and Retries": "retries up to three times at predefined intervals
 * [...] not configurable, and the entire retry sequence is completed within approximately one
 * hour". The seed gives no intervals; 5, 15 and 40 minutes (60 in all) is the assumption
 * recorded in ../shared/VENDORS.md: growing gaps, the last retry at the one-hour mark.
 */
export const sentinelRetryPolicy: FixedRetryPolicy = {
  kind: 'fixed',
  intervalsMs: [5 * MINUTE, 15 * MINUTE, 40 * MINUTE],
};

export const sentinelProfile: VendorProfile = {
  catalog: sentinelCatalog,
  retryPolicy: sentinelRetryPolicy,
  retryPolicySource:
    'Sentinel EMS: 3 retries within about one hour (seed 002); the 5/15/40 min spacing is a Hooklab assumption',
  generateEntity(event, { activity, seed, entityId }) {
    const now = Date.now();
    const current = generateEntitlement(seed, entityId, now);
    const id = (current.entitlement as { id: string }).id;
    if (event.operation === 'Create') return { entityId: id, previousState: null, currentState: current };
    return { entityId: id, previousState: current, currentState: updateEntitlement(current, activity, now) };
  },
  buildPayload: buildSentinelPayload,
};
