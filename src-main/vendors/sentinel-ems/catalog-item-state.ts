import type { EntityState } from '../vendor-profile.ts';
import { customerRef } from './party-state.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { auditHead } from './sentinel-faker.ts';

/** What a vendor sells: namespaces, features, license models, products, bundles, suites, downloads. */

const PRODUCT_NAMES = ['CAD Suite', 'Render Farm', 'Analytics Pro', 'Sensor SDK', 'Field Service'];
const FEATURE_NAMES = ['Export', 'Cloud Sync', 'Batch Render', 'Offline Mode', 'API Access', 'Reporting'];
const NAMESPACE_NAMES = ['EDUCATIONAL', 'COMMERCIAL', 'INTERNAL', 'PARTNER'];

interface Named {
  id: string;
  name: string;
}

interface NameVersioned {
  id: string;
  nameVersion: { name: string; version: string };
}

/** Shaped exactly as the seed's "Add Namespace" sample state, key for key. */
export function generateNamespace({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'namespace');
  return {
    namespace: {
      ...auditHead(faker, entityId, now),
      name: faker.helpers.arrayElement(NAMESPACE_NAMES),
      description: '',
      state: 'DRAFT',
      refId1: '',
      refId2: '',
    },
  };
}

export function namespaceRef(seed: number, now: number): Named {
  const { namespace } = generateNamespace({ seed, now }) as { namespace: Named };
  return { id: namespace.id, name: namespace.name };
}

export function generateLicenseModel({ seed, entityId, now }: GenerationContext): EntityState {
  const faker = seededFaker(seed, 'licenseModel');
  return {
    licenseModel: {
      ...auditHead(faker, entityId, now),
      name: faker.helpers.arrayElement(['Perpetual', 'Expiration Date', 'Executions', 'Concurrency']),
      description: '',
      state: 'ENABLE',
      enforcement: { name: 'Sentinel LDK', version: '10.0' },
      isDefault: false,
    },
  };
}

/** `index` tells apart the several features (and products) an entitlement holds under one seed. */
export function generateFeature({ seed, entityId, now }: GenerationContext, index = 0): EntityState {
  const namespace = namespaceRef(seed, now);
  const { licenseModel } = generateLicenseModel({ seed, now }) as { licenseModel: Named };
  const faker = seededFaker(seed, `feature${index}`);
  return {
    feature: {
      ...auditHead(faker, entityId, now),
      nameVersion: { name: faker.helpers.arrayElement(FEATURE_NAMES), version: '' },
      identifier: faker.number.int({ min: 1, max: 65_000 }),
      description: '',
      state: 'ENABLE',
      namespace,
      licenseModels: { licenseModel: [{ id: licenseModel.id, name: licenseModel.name }] },
    },
  };
}

function featureRef(seed: number, now: number, index: number): NameVersioned {
  const { feature } = generateFeature({ seed, now }, index) as { feature: NameVersioned };
  return { id: feature.id, nameVersion: feature.nameVersion };
}

export function generateProduct({ seed, entityId, now }: GenerationContext, index = 0): EntityState {
  const namespace = namespaceRef(seed, now);
  const features = [featureRef(seed, now, index * 2), featureRef(seed, now, index * 2 + 1)];
  const faker = seededFaker(seed, `product${index}`);
  return {
    product: {
      ...auditHead(faker, entityId, now),
      nameVersion: { name: faker.helpers.arrayElement(PRODUCT_NAMES), version: `${faker.number.int({ min: 1, max: 9 })}.0` },
      description: '',
      state: 'ENABLE',
      namespace,
      productFeatures: { productFeature: features.map((feature) => ({ feature })) },
    },
  };
}

export function productRef(seed: number, now: number, index: number): NameVersioned {
  const { product } = generateProduct({ seed, now }, index) as { product: NameVersioned };
  return { id: product.id, nameVersion: product.nameVersion };
}

function productGroup(root: 'productBundle' | 'productSuite', suffix: string) {
  return ({ seed, entityId, now }: GenerationContext): EntityState => {
    const products = [productRef(seed, now, 0), productRef(seed, now, 1)];
    const faker = seededFaker(seed, root);
    return {
      [root]: {
        ...auditHead(faker, entityId, now),
        name: `${faker.commerce.productAdjective()} ${suffix}`,
        description: '',
        state: 'ENABLE',
        products: { product: products },
      },
    };
  };
}

export const generateProductBundle = productGroup('productBundle', 'Bundle');
export const generateProductSuite = productGroup('productSuite', 'Suite');

export function generateDownload(context: GenerationContext): EntityState {
  const { seed, entityId, now } = context;
  const product = productRef(seed, now, 0);
  const customer = customerRef(seed, now);
  const faker = seededFaker(seed, 'download');
  const version = faker.system.semver();
  return {
    download: {
      ...auditHead(faker, entityId, now),
      name: `${product.nameVersion.name} installer`,
      fileName: `${product.nameVersion.name.toLowerCase().replace(/\s+/g, '-')}-${version}.${faker.helpers.arrayElement(['msi', 'dmg', 'tar.gz'])}`,
      version,
      state: 'ENABLE',
      products: { product: [product] },
      customers: { customer: [{ id: customer.id, name: customer.name }] },
    },
  };
}
