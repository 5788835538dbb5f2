import type { EntityState } from '../vendor-profile.ts';
import { daysAfter, daysAgo, seededFaker, type GenerationContext } from '../seeded-faker.ts';

/**
 * The entities of the (assumed) CloudEvents licensing catalog, as the `data` of their events:
 * flat JSON objects with RFC 3339 times. A seed gives one customer, whose entitlement the
 * license, seat and usage of the same seed belong to, so events fired with one seed agree.
 */

type Generator = (context: GenerationContext) => EntityState;

const rfc3339 = (epochMs: number) => new Date(epochMs).toISOString();

function generateCustomer({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'licensing.customer');
  const name = faker.company.name();
  return {
    id: entityId ?? `cus_${faker.string.alphanumeric({ length: 14, casing: 'lower' })}`,
    name,
    email: faker.internet.email({ provider: `${faker.internet.domainWord()}.example` }).toLowerCase(),
    country: faker.location.countryCode(),
    disabled: false,
    createdAt: rfc3339(daysAgo(now, faker.number.int({ min: 30, max: 400 }))),
  };
}

function generateEntitlement({ seed, entityId, now }: GenerationContext): EntityState {
  const customer = generateCustomer({ seed, now });
  const faker = seededFaker(seed, 'licensing.entitlement');
  const startsAt = daysAgo(now, faker.number.int({ min: 1, max: 300 }));
  return {
    id: entityId ?? `ent_${faker.string.alphanumeric({ length: 14, casing: 'lower' })}`,
    customerId: customer.id,
    product: faker.helpers.arrayElement(['Design Studio', 'Render Farm', 'Analytics Suite', 'Edge Gateway']),
    plan: faker.helpers.arrayElement(['subscription', 'perpetual', 'trial']),
    seats: faker.number.int({ min: 5, max: 50 }),
    status: 'active',
    startsAt: rfc3339(startsAt),
    expiresAt: rfc3339(daysAfter(startsAt, 365)),
  };
}

function generateLicense({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = generateEntitlement({ seed, now });
  const faker = seededFaker(seed, 'licensing.license');
  return {
    id: entityId ?? `lic_${faker.string.alphanumeric({ length: 14, casing: 'lower' })}`,
    entitlementId: entitlement.id,
    customerId: entitlement.customerId,
    licenseKey: Array.from({ length: 4 }, () => faker.string.alphanumeric({ length: 5, casing: 'upper' })).join('-'),
    status: 'valid',
    issuedAt: rfc3339(daysAgo(now, faker.number.int({ min: 0, max: 30 }))),
    expiresAt: entitlement.expiresAt,
  };
}

function generateSeat({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = generateEntitlement({ seed, now });
  const faker = seededFaker(seed, 'licensing.seat');
  return {
    id: entityId ?? `seat_${faker.string.alphanumeric({ length: 14, casing: 'lower' })}`,
    entitlementId: entitlement.id,
    deviceName: `${faker.word.adjective()}-${faker.word.noun()}-${faker.string.numeric(2)}`.toLowerCase(),
    userEmail: faker.internet.email().toLowerCase(),
    status: 'active',
    activatedAt: rfc3339(daysAgo(now, faker.number.int({ min: 0, max: 60 }))),
    deactivatedAt: null,
  };
}

function generateUsage({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = generateEntitlement({ seed, now });
  const faker = seededFaker(seed, 'licensing.usage');
  const limit = faker.number.int({ min: 10, max: 100 }) * 100;
  return {
    id: entityId ?? `use_${faker.string.alphanumeric({ length: 14, casing: 'lower' })}`,
    entitlementId: entitlement.id,
    meter: faker.helpers.arrayElement(['api-calls', 'render-minutes', 'gigabytes-processed']),
    quantity: faker.number.int({ min: 1, max: limit - 1 }),
    limit,
    periodStart: rfc3339(daysAgo(now, 30)),
    periodEnd: rfc3339(now),
  };
}

/** Keyed by the catalog's entity names. */
export const LICENSING_GENERATORS: Readonly<Record<string, Generator>> = {
  Customer: generateCustomer,
  Entitlement: generateEntitlement,
  License: generateLicense,
  Seat: generateSeat,
  Usage: generateUsage,
};

type Change = (state: EntityState, now: number) => EntityState;

/**
 * What each update event changes, keyed by the event type's last segment: the state before is
 * the generated one, the state after carries the change the event reports.
 */
export const LICENSING_CHANGES: Readonly<Record<string, Change>> = {
  updated: (state) => ('seats' in state ? { ...state, seats: Number(state.seats) + 5 } : { ...state, email: `billing.${String(state.email)}` }),
  renewed: (state) => ({ ...state, expiresAt: rfc3339(daysAfter(Date.parse(String(state.expiresAt)), 365)) }),
  expired: (state, now) => ({ ...state, status: 'expired', expiresAt: rfc3339(now) }),
  revoked: (state) => ({ ...state, status: 'revoked' }),
  deactivated: (state, now) => ({ ...state, status: 'inactive', deactivatedAt: rfc3339(now) }),
  exceeded: (state) => ({ ...state, quantity: Number(state.limit) + 1 }),
};
