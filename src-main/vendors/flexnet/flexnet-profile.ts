import type { ExponentialRetryPolicy } from '../../../src-shared/domain/retry-policy.ts';
import { MINUTE_MS } from '../../../src-shared/domain/time-units.ts';
import { flexnetCatalog, requireFlexnetHeader, type FlexnetCategory } from '../../../src-shared/vendors/flexnet/catalog.ts';
import type { GenerationContext } from '../seeded-faker.ts';
import type { EntityState, VendorProfile } from '../vendor-profile.ts';
import { generateDevice } from './device-state.ts';
import { generateEntitlement } from './entitlement-state.ts';
import { flexnetStates } from './entity-changes.ts';
import { buildFlexnetPayload } from './flexnet-payload.ts';
import { exportFlexnetWebhook } from './flexnet-export.ts';
import { entitySeed } from './flexnet-seeding.ts';
import { generateProduct } from './product-state.ts';

/**
 * Assumption (VENDORS.md): the seeds say nothing about retries. 3 retries with exponential
 * backoff, 1, 4 and 16 minutes after each failure, without jitter so the schedule is plain.
 */
const flexnetRetryPolicy: ExponentialRetryPolicy = {
  kind: 'exponential',
  baseMs: MINUTE_MS,
  factor: 4,
  maxMs: 30 * MINUTE_MS,
  jitter: 0,
  retries: 3,
};

interface CategoryEntities {
  generate(context: GenerationContext): EntityState;
  /** The body field that identifies the entity. */
  idKey: string;
}

const ENTITIES: Readonly<Record<FlexnetCategory, CategoryEntities>> = {
  ENT: { generate: generateEntitlement, idKey: 'entitlementId' },
  PROD: { generate: (context) => generateProduct(context), idKey: 'productId' },
  DEVICE: { generate: generateDevice, idKey: 'deviceId' },
};

export const flexnetProfile: VendorProfile = {
  catalog: flexnetCatalog,
  retryPolicy: flexnetRetryPolicy,
  retryPolicySource:
    'FlexNet ENS: the FlexNet Operations documentation gives no retry policy; 3 retries with exponential backoff (1, 4, 16 min) is a Hooklab assumption',
  generateEntity(event, { seed, entityId }) {
    const header = requireFlexnetHeader(event.name);
    const now = Date.now();
    const { generate, idKey } = ENTITIES[header.event];
    const generated = generate({ seed: entitySeed(seed, entityId), entityId, now });
    return { entityId: String(generated[idKey]), ...flexnetStates(header.event, header.eventType, generated, now) };
  },
  buildPayload: buildFlexnetPayload,
  exportWebhook: exportFlexnetWebhook,
};
