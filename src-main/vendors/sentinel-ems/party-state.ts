import type { EntityState } from '../vendor-profile.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { auditHead } from './sentinel-faker.ts';

/** Customers, their contacts (the "User" entity, seed 002), channel partners and vendor users. */

export const MARKET_GROUPS = ['APAC', 'EMEA', 'NA', 'LATAM'];

export function generateCustomer({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'customer');
  return {
    customer: {
      ...auditHead(faker, entityId, now),
      name: faker.company.name(),
      identifier: faker.string.numeric(4),
      externalId: faker.string.alphanumeric({ length: 7, casing: 'upper' }),
      crmId: faker.string.alphanumeric({ length: 10, casing: 'upper' }),
      description: '',
      state: 'ENABLE',
      refId1: '',
      refId2: '',
    },
  };
}

export function generateContact(context: GenerationContext): EntityState {
  const { customer } = generateCustomer({ seed: context.seed, now: context.now }) as { customer: { id: string; name: string } };
  const faker = seededFaker(context.seed, 'contact');
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  return {
    contact: {
      ...auditHead(faker, context.entityId, context.now),
      name: `${firstName} ${lastName}`,
      emailId: faker.internet.email({ firstName, lastName }).toLowerCase(),
      externalId: faker.string.alphanumeric({ length: 7, casing: 'upper' }),
      locale: 'en',
      state: 'ENABLE',
      customer: { id: customer.id, name: customer.name },
      refId1: '',
      refId2: '',
    },
  };
}

export function generateChannelPartner({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'channelPartner');
  return {
    channelPartner: {
      ...auditHead(faker, entityId, now),
      name: `${faker.company.name()} Reseller`,
      identifier: faker.string.numeric(5),
      externalId: faker.string.alphanumeric({ length: 7, casing: 'upper' }),
      state: 'ENABLE',
      partnerUsers: { partnerUser: [{ id: faker.string.uuid(), emailId: faker.internet.email().toLowerCase() }] },
    },
  };
}

export function generateVendorUser({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'user');
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  return {
    user: {
      ...auditHead(faker, entityId, now),
      username: faker.internet.username({ firstName, lastName }).toLowerCase(),
      email: faker.internet.email({ firstName, lastName }).toLowerCase(),
      firstName,
      lastName,
      state: 'ACTIVE',
      roles: { role: [{ id: faker.string.uuid(), name: faker.helpers.arrayElement(['Administrator', 'Sales', 'Support']) }] },
      marketGroups: { marketGroup: [{ id: faker.string.uuid(), name: faker.helpers.arrayElement(MARKET_GROUPS) }] },
    },
  };
}

export interface CustomerRef {
  id: string;
  name: string;
  identifier: string;
  externalId: string;
}

export interface ContactRef {
  id: string;
  emailId: string;
  externalId: string;
}

export function customerRef(seed: number, now: number): CustomerRef {
  const { customer } = generateCustomer({ seed, now }) as { customer: CustomerRef };
  return { id: customer.id, name: customer.name, identifier: customer.identifier, externalId: customer.externalId };
}

export function contactRef(seed: number, now: number): ContactRef {
  const { contact } = generateContact({ seed, now }) as { contact: ContactRef };
  return { id: contact.id, emailId: contact.emailId, externalId: contact.externalId };
}

export function channelPartnerRef(seed: number, now: number): { id: string; name: string } {
  const { channelPartner } = generateChannelPartner({ seed, now }) as { channelPartner: { id: string; name: string } };
  return { id: channelPartner.id, name: channelPartner.name };
}
