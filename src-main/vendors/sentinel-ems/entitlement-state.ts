import { Faker, base, en } from '@faker-js/faker';
import type { EntityState } from '../vendor-profile.ts';

const MARKET_GROUPS = ['APAC', 'EMEA', 'NA', 'LATAM'];
const PRODUCTS = ['CAD Suite', 'Render Farm', 'Analytics Pro', 'Sensor SDK', 'Field Service'];

/** Sentinel writes creation dates to the minute: "2025-07-23 10:01". */
export function sentinelMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

// One instance, re-seeded for each entity: building a Faker costs more than the entity itself.
const faker = new Faker({ locale: [en, base] });

function seededFaker(seed: number): Faker {
  faker.seed(seed);
  return faker;
}

/**
 * A Sentinel EMS entitlement as `{"entitlement": {...}}`, with every path the seed's trigger
 * condition examples address (customer, contact, marketGroup, productKeys.productKey[*].item…).
 */
export function generateEntitlement(seed: number, entityId: string | undefined, now: number): EntityState {
  const faker = seededFaker(seed);
  const created = now - faker.number.int({ min: 1, max: 90 }) * 86_400_000;
  // At least two keys, so the seed's `productKey[1]` example (the second key) always has a value.
  const keyCount = faker.number.int({ min: 2, max: 3 });
  const productKeys = Array.from({ length: keyCount }, () => {
    const quantity = faker.number.int({ min: 1, max: 50 });
    return {
      id: faker.string.uuid(),
      pkId: faker.string.uuid(),
      state: 'ENABLE',
      totalQuantity: quantity,
      availableQuantity: quantity,
      item: {
        itemProduct: {
          product: {
            id: faker.string.uuid(),
            nameVersion: { name: faker.helpers.arrayElement(PRODUCTS), version: `${faker.number.int({ min: 1, max: 9 })}.0` },
          },
        },
      },
    };
  });
  const customerName = faker.company.name();
  return {
    entitlement: {
      id: entityId ?? faker.string.uuid(),
      eId: faker.string.alphanumeric({ length: 12, casing: 'upper' }),
      state: 'ENABLE',
      createdBy: 'admin',
      creationDate: sentinelMinute(created),
      lastModifiedBy: '',
      lastModifiedDate: '',
      startDate: new Date(created).toISOString().slice(0, 10),
      endDate: new Date(created + 365 * 86_400_000).toISOString().slice(0, 10),
      refId1: '',
      refId2: '',
      customer: {
        id: faker.string.uuid(),
        name: customerName,
        identifier: faker.string.numeric(4),
        externalId: faker.string.alphanumeric({ length: 7, casing: 'upper' }),
      },
      contact: {
        id: faker.string.uuid(),
        emailId: faker.internet.email().toLowerCase(),
        externalId: faker.string.alphanumeric({ length: 7, casing: 'upper' }),
      },
      marketGroup: { id: faker.string.uuid(), name: faker.helpers.arrayElement(MARKET_GROUPS) },
      productKeys: { productKey: productKeys },
    },
  };
}

/** The same entitlement after an update made by `activity`. */
export function updateEntitlement(previous: EntityState, activity: string, now: number): EntityState {
  const entitlement = structuredClone(previous.entitlement) as Record<string, unknown>;
  entitlement.lastModifiedBy = 'admin';
  entitlement.lastModifiedDate = sentinelMinute(now);
  if (activity === 'Disable Entitlement') entitlement.state = 'DISABLE';
  else if (activity === 'Close Entitlement') entitlement.state = 'CLOSE';
  else if (activity === 'Enable Entitlement') entitlement.state = 'ENABLE';
  else entitlement.refId1 = `updated ${sentinelMinute(now)}`;
  return { entitlement };
}
