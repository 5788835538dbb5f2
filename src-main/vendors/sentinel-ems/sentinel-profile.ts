import { sentinelCatalog } from '../../../src-shared/vendors/sentinel-ems/catalog.ts';
import type { VendorProfile } from '../vendor-profile.ts';
import { generateEntitlement, updateEntitlement } from './entitlement-state.ts';
import { buildSentinelPayload } from './sentinel-payload.ts';

const MINUTE = 60_000;

export const sentinelProfile: VendorProfile = {
  catalog: sentinelCatalog,
  retryPolicy: {
    // Seed 002: up to three retries at fixed intervals, all within about an hour.
    intervalsMs: [5 * MINUTE, 15 * MINUTE, 40 * MINUTE],
    source: 'Sentinel EMS: 3 retries within about one hour (seed 002); the 5/15/40 min spacing is a Hooklab assumption',
  },
  generateEntity(event, { activity, seed, entityId }) {
    const now = Date.now();
    const current = generateEntitlement(seed, entityId, now);
    const id = (current.entitlement as { id: string }).id;
    if (event.operation === 'Create') return { entityId: id, previousState: null, currentState: current };
    return { entityId: id, previousState: current, currentState: updateEntitlement(current, activity, now) };
  },
  buildPayload: buildSentinelPayload,
};
