import type { EntityState } from '../vendor-profile.ts';
import { namespaceRef } from './catalog-item-state.ts';
import { MARKET_GROUPS, generateVendorUser } from './party-state.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { auditHead } from './sentinel-faker.ts';

/** Administration: roles, market groups, application properties, custom attributes and custom entities. */

function userRef(seed: number, now: number) {
  const { user } = generateVendorUser({ seed, now }) as { user: { id: string; username: string } };
  return { id: user.id, username: user.username };
}

export function generateRole({ seed, entityId, now }: GenerationContext): EntityState {
  const user = userRef(seed, now);
  const faker = seededFaker(seed, 'role');
  return {
    role: {
      ...auditHead(faker, entityId, now),
      name: faker.helpers.arrayElement(['Administrator', 'Sales', 'Support', 'Auditor']),
      description: '',
      permissions: ['VIEW_ENTITLEMENT', 'EDIT_ENTITLEMENT'],
      users: { user: [user] },
    },
  };
}

export function generateMarketGroup({ seed, entityId, now }: GenerationContext): EntityState {
  const user = userRef(seed, now);
  const namespace = namespaceRef(seed, now);
  const faker = seededFaker(seed, 'marketGroup');
  return {
    marketGroup: {
      ...auditHead(faker, entityId, now),
      name: faker.helpers.arrayElement(MARKET_GROUPS),
      description: '',
      namespaces: { namespace: [namespace] },
      users: { user: [user] },
      linkedMarketGroups: { marketGroup: [] },
    },
  };
}

export function generateApplicationProperties({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'applicationProperties');
  return {
    applicationProperties: {
      ...auditHead(faker, entityId, now),
      properties: {
        property: [
          { name: 'Time Zone for Expiration Events', value: faker.helpers.arrayElement(['UTC', 'Europe/Paris', 'America/New_York']) },
          { name: 'Default Locale', value: 'en' },
        ],
      },
    },
  };
}

export function generateCustomAttribute({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'customAttribute');
  return {
    customAttribute: {
      ...auditHead(faker, entityId, now),
      name: faker.helpers.arrayElement(['region', 'costCenter', 'salesChannel']),
      type: 'STRING',
      entity: faker.helpers.arrayElement(['Entitlement', 'Customer', 'Product']),
      mandatory: false,
      defaultValue: '',
    },
  };
}

export function generateListAttribute({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'listAttribute');
  return {
    listAttribute: {
      ...auditHead(faker, entityId, now),
      name: 'tier',
      options: { option: ['Bronze', 'Silver', 'Gold'].map((value) => ({ id: faker.string.uuid(), value })) },
    },
  };
}

export function generateCustomEntity({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'customEntity');
  return { customEntity: { ...auditHead(faker, entityId, now), name: faker.helpers.arrayElement(['Site', 'Contract', 'Asset']), description: '' } };
}

function customEntityRef(seed: number, now: number) {
  const { customEntity } = generateCustomEntity({ seed, now }) as { customEntity: { id: string; name: string } };
  return { id: customEntity.id, name: customEntity.name };
}

export function generateCustomEntityAttribute({ seed, entityId, now }: GenerationContext): EntityState {
  const customEntity = customEntityRef(seed, now);
  const faker = seededFaker(seed, 'customEntityAttribute');
  return {
    customEntityAttribute: {
      ...auditHead(faker, entityId, now),
      name: faker.helpers.arrayElement(['code', 'owner', 'location']),
      type: 'STRING',
      customEntity,
    },
  };
}

export function generateCustomEntityRecord({ seed, entityId, now }: GenerationContext): EntityState {
  const customEntity = customEntityRef(seed, now);
  const faker = seededFaker(seed, 'customEntityRecord');
  return {
    customEntityRecord: {
      ...auditHead(faker, entityId, now),
      customEntity,
      values: { code: faker.string.alphanumeric({ length: 6, casing: 'upper' }), owner: faker.person.fullName() },
    },
  };
}
