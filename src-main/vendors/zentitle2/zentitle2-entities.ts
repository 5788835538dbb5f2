import type { EntityState } from '../vendor-profile.ts';
import { DAY_MS } from '../../../src-shared/domain/time-units.ts';
import { daysAfter, daysAgo, seededFaker, type GenerationContext } from '../seeded-faker.ts';

/**
 * Zentitle2 payloads are flat objects, one per entity, with the fields VENDORS.md lists (from the
 * Zentitle2 OpenAPI spec). Ids are derived from the seed alone, so a seat, a usage summary and an
 * entitlement event fired with one seed name the same entitlement, and a group the same customer.
 */

/** Zentitle2 writes times as ISO 8601. */
export function zentitleTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Whole days from `now` to `epochMs`, as `daysToExpire` counts them. */
export function daysUntil(epochMs: number, now: number): number {
  return Math.round((epochMs - now) / DAY_MS);
}

function idOf(seed: number, kind: string): string {
  return seededFaker(seed, `zentitle2.${kind}.id`).string.uuid();
}

export function generateCustomer({ seed, entityId }: GenerationContext): EntityState {
  return {
    customerId: entityId ?? idOf(seed, 'customer'),
    name: seededFaker(seed, 'zentitle2.customer').company.name(),
    disabled: false,
  };
}

/** An entitlement activated a while ago, a year's term with maintenance, nothing expiring soon. */
export function generateEntitlement({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'zentitle2.entitlement');
  const activatedAt = daysAgo(now, faker.number.int({ min: 5, max: 60 }));
  const expiresAt = daysAfter(activatedAt, 365);
  return {
    entitlementId: entityId ?? idOf(seed, 'entitlement'),
    activatedAt: zentitleTime(activatedAt),
    expiresAt: zentitleTime(expiresAt),
    daysToExpire: daysUntil(expiresAt, now),
    maintenanceExpiresAt: zentitleTime(expiresAt),
    maintenanceExpiredAt: null,
  };
}

/** A seat in use on the seed's entitlement; `entityId` replaces the activation id. */
export function generateSeat({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'zentitle2.seat');
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const activatedAt = daysAgo(now, faker.number.int({ min: 1, max: 30 }));
  return {
    entitlementId: idOf(seed, 'entitlement'),
    activationId: entityId ?? idOf(seed, 'activation'),
    seatId: faker.internet.email({ firstName, lastName }).toLowerCase(),
    seatName: `${firstName} ${lastName}`,
    seatsUsed: faker.number.int({ min: 1, max: 10 }),
    isOverdraftSeat: false,
    activatedAt: zentitleTime(activatedAt),
    deactivatedAt: null,
    leaseExpiry: zentitleTime(daysAfter(now, 1)),
  };
}

/** Assumption (the spec excerpts show no group payload): the group, its customer and its entitlements. */
export function generateEntitlementGroup({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'zentitle2.group');
  return {
    entitlementGroupId: entityId ?? idOf(seed, 'group'),
    customerId: idOf(seed, 'customer'),
    orderRefId: `PO-${faker.string.numeric(6)}`,
    orderDate: zentitleTime(daysAgo(now, faker.number.int({ min: 5, max: 60 }))),
    entitlementIds: [idOf(seed, 'entitlement')],
  };
}

/** Assumption (the spec excerpts show no usage payload): one entitlement's feature usage over the last day. */
export function generateUsageSummary({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'zentitle2.usage');
  return {
    entitlementId: entityId ?? idOf(seed, 'entitlement'),
    periodStart: zentitleTime(daysAgo(now, 1)),
    periodEnd: zentitleTime(now),
    features: ['EXPORT', 'RENDER'].map((featureKey) => ({ featureKey, used: faker.number.int({ min: 0, max: 500 }) })),
  };
}
