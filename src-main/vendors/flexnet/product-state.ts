import type { EntityState } from '../vendor-profile.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';

const PRODUCT_NAMES = ['cad-designer', 'render-farm-node', 'analytics-server', 'sensor-sdk', 'plm-connector', 'sim-studio'];
const FEATURE_NAMES = ['2Dline', '3Dmesh', 'BatchRender', 'CloudSync', 'ExportSTEP', 'OfflineMode', 'ApiAccess'];

export interface ProductRef {
  name: string;
  version: string;
}

/**
 * A PROD event body, key for key as seed 001's product sample; every value is text. `index` tells
 * apart the products of one seed, so an entitlement's line items name products that "PROD"
 * events of the same seed describe (index 0 is the one fired).
 */
export function generateProduct({ seed, entityId }: GenerationContext, index = 0): EntityState {
  const faker = seededFaker(seed, `flexnetProduct${index}`);
  const features = faker.helpers.arrayElements(FEATURE_NAMES, { min: 1, max: 3 });
  return {
    productId: entityId ?? faker.string.numeric({ length: 4, allowLeadingZeros: false }),
    productName: faker.helpers.arrayElement(PRODUCT_NAMES),
    version: `${faker.number.int({ min: 1, max: 5 })}.0`,
    features: features.map((featureName) => ({
      featureName,
      version: String(faker.number.int({ min: 1, max: 3 })),
      count: String(faker.number.int({ min: 1, max: 50 })),
    })),
  };
}

export function productRef(seed: number, now: number, index: number): ProductRef {
  const { productName, version } = generateProduct({ seed, now }, index) as { productName: string; version: string };
  return { name: productName, version };
}
