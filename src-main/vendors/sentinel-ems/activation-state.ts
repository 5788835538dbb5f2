import type { EntityState } from '../vendor-profile.ts';
import { productRef } from './catalog-item-state.ts';
import { entitlementOf, firstProductKey, generateEntitlement, type Entitlement } from './entitlement-state.ts';
import { contactRef, customerRef } from './party-state.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { auditHead } from './sentinel-faker.ts';

/**
 * What consumes an entitlement: activations, the fingerprints they bind to, license grants,
 * product consumer authorizations, devices and Sentinel hardware keys. Each references the
 * entitlement (and its first product key) that the same seed generates.
 */

function entitlementFor(seed: number, now: number): Entitlement {
  return entitlementOf(generateEntitlement({ seed, now }));
}

function keyRefs(entitlement: Entitlement) {
  const key = firstProductKey(entitlement);
  return { entitlement: { id: entitlement.id, eId: entitlement.eId }, productKey: { id: key.id, pkId: key.pkId } };
}

export function generateFingerprint({ seed, entityId, now }: GenerationContext): EntityState {
  const customer = customerRef(seed, now);
  const faker = seededFaker(seed, 'fingerprint');
  return {
    fingerprint: {
      ...auditHead(faker, entityId, now),
      name: `${faker.word.noun()}-${faker.string.numeric(3)}`,
      machineName: `WS-${faker.string.alphanumeric({ length: 6, casing: 'upper' })}`,
      fingerprintData: faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
      state: 'ENABLE',
      customer: { id: customer.id, name: customer.name },
    },
  };
}

export function generateActivation({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = entitlementFor(seed, now);
  const { fingerprint } = generateFingerprint({ seed, now }) as { fingerprint: { id: string; machineName: string } };
  const faker = seededFaker(seed, 'activation');
  return {
    activation: {
      ...auditHead(faker, entityId, now),
      aId: faker.string.alphanumeric({ length: 12, casing: 'upper' }),
      state: 'ENABLE',
      quantity: 1,
      ...keyRefs(entitlement),
      customer: entitlement.customer,
      contact: entitlement.contact,
      fingerprint: { id: fingerprint.id, machineName: fingerprint.machineName },
      activatees: { activatee: [{ id: entitlement.contact.id, emailId: entitlement.contact.emailId }] },
    },
  };
}

export function generateLicenseGrant({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = entitlementFor(seed, now);
  const faker = seededFaker(seed, 'licenseGrant');
  return {
    licenseGrant: {
      ...auditHead(faker, entityId, now),
      name: `${entitlement.customer.name} grant`,
      state: 'ENABLE',
      ...keyRefs(entitlement),
      accessGrants: { accessGrant: [{ id: faker.string.uuid(), contact: entitlement.contact }] },
    },
  };
}

export function generateProductConsumerAuthorization({ seed, entityId, now }: GenerationContext): EntityState {
  const product = productRef(seed, now, 0);
  const contact = contactRef(seed, now);
  const faker = seededFaker(seed, 'productConsumerAuthorization');
  return {
    productConsumerAuthorization: {
      ...auditHead(faker, entityId, now),
      state: 'ENABLE',
      product,
      users: { user: [contact] },
    },
  };
}

export function generateDevice({ seed, entityId, now }: GenerationContext): EntityState {
  const customer = customerRef(seed, now);
  const contact = contactRef(seed, now);
  const faker = seededFaker(seed, 'device');
  return {
    device: {
      ...auditHead(faker, entityId, now),
      name: `${faker.word.adjective()}-${faker.word.noun()}`,
      deviceId: faker.string.alphanumeric({ length: 16, casing: 'upper' }),
      state: 'ENABLE',
      customer: { id: customer.id, name: customer.name },
      contact,
    },
  };
}

export function generateSentinelKey({ seed, entityId, now }: GenerationContext): EntityState {
  const entitlement = entitlementFor(seed, now);
  const faker = seededFaker(seed, 'sentinelKey');
  return {
    sentinelKey: {
      ...auditHead(faker, entityId, now),
      keyId: faker.string.numeric(10),
      keyType: faker.helpers.arrayElement(['HL Max', 'SL AdminMode', 'SL UserMode']),
      ...keyRefs(entitlement),
    },
  };
}
