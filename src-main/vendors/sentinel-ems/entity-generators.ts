import type { EntityState } from '../vendor-profile.ts';
import {
  generateActivation,
  generateDevice,
  generateFingerprint,
  generateLicenseGrant,
  generateProductConsumerAuthorization,
  generateSentinelKey,
} from './activation-state.ts';
import {
  generateApplicationProperties,
  generateCustomAttribute,
  generateCustomEntity,
  generateCustomEntityAttribute,
  generateCustomEntityRecord,
  generateListAttribute,
  generateMarketGroup,
  generateRole,
} from './admin-state.ts';
import {
  generateDownload,
  generateFeature,
  generateLicenseModel,
  generateNamespace,
  generateProduct,
  generateProductBundle,
  generateProductSuite,
} from './catalog-item-state.ts';
import { generateEntitlement } from './entitlement-state.ts';
import { generateChannelPartner, generateContact, generateCustomer, generateVendorUser } from './party-state.ts';
import { generateProvisioningAssociation, generateProvisioningMethod, generateProvisioningPlan, generateProvisioningRequest } from './provisioning-state.ts';
import type { GenerationContext } from '../seeded-faker.ts';

type EntityGenerator = (context: GenerationContext) => EntityState;

/**
 * One generator per entity of the catalog, keyed by the seed table's entity name. Each state is
 * `{"<entity>": {...}}` like the seed samples; the key is the entity's camelCase name, except
 * that seed 002's "User" entity is the contact ("Contact" refers to the User entity) and
 * "Vendor User" is the user.
 */
const GENERATORS: Readonly<Record<string, EntityGenerator>> = {
  Entitlement: generateEntitlement,
  Fingerprint: generateFingerprint,
  Activation: generateActivation,
  'License Grant': generateLicenseGrant,
  Customer: generateCustomer,
  User: generateContact,
  'Product Consumer Authorization': generateProductConsumerAuthorization,
  'Channel Partner': generateChannelPartner,
  Product: (context) => generateProduct(context),
  Feature: (context) => generateFeature(context),
  'License Model': generateLicenseModel,
  'Product Bundle': generateProductBundle,
  'Product Suite': generateProductSuite,
  Namespace: generateNamespace,
  'Provisioning Request': generateProvisioningRequest,
  'Provisioning Association': generateProvisioningAssociation,
  'Provisioning Method': generateProvisioningMethod,
  'Provisioning Plan': generateProvisioningPlan,
  Download: generateDownload,
  'Sentinel Key': generateSentinelKey,
  Device: generateDevice,
  'Vendor User': generateVendorUser,
  Role: generateRole,
  'Market Group': generateMarketGroup,
  'Application Properties': generateApplicationProperties,
  'Custom Attributes': generateCustomAttribute,
  'List Attribute': generateListAttribute,
  'Custom Entity': generateCustomEntity,
  'Custom Entity Attribute': generateCustomEntityAttribute,
  'Custom Entity Record': generateCustomEntityRecord,
};

export function hasEntityGenerator(entity: string): boolean {
  return Object.hasOwn(GENERATORS, entity);
}

export function generateSentinelEntity(entity: string, context: GenerationContext): EntityState {
  if (!hasEntityGenerator(entity)) throw new Error(`no Sentinel EMS generator for entity "${entity}"`);
  return GENERATORS[entity]!(context);
}
