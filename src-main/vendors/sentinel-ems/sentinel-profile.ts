import { sentinelCatalog } from '../../../src-shared/vendors/sentinel-ems/catalog.ts';
import type { FixedRetryPolicy } from '../../../src-shared/domain/retry-policy.ts';
import { MINUTE_MS } from '../../../src-shared/domain/time-units.ts';
import type { EntityState, VendorProfile } from '../vendor-profile.ts';
import { expiredEntitlement, expiredProductKey, exhaustedProductKey } from './entitlement-expiry.ts';
import { generateSentinelEntity } from './entity-generators.ts';
import { rootOf, updateEntity, type StatePair } from './entity-updates.ts';
import type { GenerationContext } from '../seeded-faker.ts';
import { buildSentinelPayload } from './sentinel-payload.ts';
import { exportSentinelWebhook } from './sentinel-export.ts';

/**
 * Seed 002, "Troubleshooting and Retries": "retries up to three times at predefined intervals
 * [...] not configurable, and the entire retry sequence is completed within approximately one
 * hour". The seed gives no intervals; 5, 15 and 40 minutes (60 in all) is the assumption
 * recorded in ../shared/VENDORS.md: growing gaps, the last retry at the one-hour mark.
 */
export const sentinelRetryPolicy: FixedRetryPolicy = {
  kind: 'fixed',
  intervalsMs: [5 * MINUTE_MS, 15 * MINUTE_MS, 40 * MINUTE_MS],
};

/** Events whose state seed 002 describes apart from the usual create/update shape. */
const SPECIAL_EVENTS: Readonly<Record<string, (context: GenerationContext) => StatePair>> = {
  'Entitlement Expired': expiredEntitlement,
  'Product Key Expired': expiredProductKey,
  'Product Key Quantity Exhausted': exhaustedProductKey,
};

function idOf(state: EntityState): string {
  return rootOf(state).id as string;
}

export const sentinelProfile: VendorProfile = {
  catalog: sentinelCatalog,
  retryPolicy: sentinelRetryPolicy,
  retryPolicySource: 'Sentinel EMS: 3 retries within about one hour (Sentinel EMS documentation); the 5/15/40 min spacing is a Hooklab assumption',
  generateEntity(event, { activity, seed, entityId }) {
    const context: GenerationContext = { seed, entityId, now: Date.now() };
    const special = SPECIAL_EVENTS[event.name];
    if (special) {
      const states = special(context);
      return { entityId: idOf((states.currentState ?? states.previousState)!), ...states };
    }
    const generated = generateSentinelEntity(event.entity, context);
    if (event.operation === 'Create') return { entityId: idOf(generated), previousState: null, currentState: generated };
    return { entityId: idOf(generated), ...updateEntity(event, activity, generated, context.now) };
  },
  buildPayload: buildSentinelPayload,
  exportWebhook: exportSentinelWebhook,
};
