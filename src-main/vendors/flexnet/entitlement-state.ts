import type { Faker } from '@faker-js/faker';
import type { EntityState } from '../vendor-profile.ts';
import { seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { startOfUtcDay } from './flexnet-seeding.ts';
import { DAY_MS } from '../../../src-shared/domain/time-units.ts';
import { productRef, type ProductRef } from './product-state.ts';

const LICENSE_MODELS = ['Floating Counted', 'Nodelocked Uncounted', 'Embedded Counted', 'Floating Uncounted'];
const PERPETUAL_DESCRIPTIONS = ['Perpetual license', 'Site license', 'OEM license'];
const TERM_DESCRIPTIONS = ['Annual subscription', 'Evaluation', 'Maintenance renewal'];
/** The products an entitlement's line items pick from: products 0..2 of the same seed. */
const PRODUCT_POOL = 3;

export interface FlexnetLineItem {
  activationId: string;
  copies: string;
  exactAvailableCount: string;
}

export interface FlexnetEntitlement {
  entitlementId: string;
  lineItems: FlexnetLineItem[];
}

/** Seed 001: "ACT-e0e0-7045-B6c2-781". */
function activationId(faker: Faker): string {
  const hex = (length: number, casing: 'lower' | 'mixed' = 'lower') => faker.string.hexadecimal({ length, casing, prefix: '' });
  return `ACT-${hex(4)}-${hex(4)}-${hex(4, 'mixed')}-${hex(3)}`;
}

/** Account names as FlexNet shows them: "SAMPLE_ORG". */
function accountName(faker: Faker): string {
  return `${faker.company.name().split(/\W+/)[0]!.toUpperCase()}_ORG`;
}

/** Some seats are in use, at least one is free; perpetual lines have no expiration date (null). */
function lineItem(faker: Faker, products: readonly ProductRef[], today: number): Record<string, unknown> {
  const copies = faker.number.int({ min: 2, max: 100 });
  const startDate = today - faker.number.int({ min: 1, max: 365 }) * DAY_MS;
  const perpetual = faker.datatype.boolean();
  return {
    activationId: activationId(faker),
    description: faker.helpers.arrayElement(perpetual ? PERPETUAL_DESCRIPTIONS : TERM_DESCRIPTIONS),
    licenseModel: faker.helpers.arrayElement(LICENSE_MODELS),
    orderId: `SO-${faker.string.numeric(6)}`,
    copies: String(copies),
    exactAvailableCount: String(faker.number.int({ min: 1, max: copies })),
    startDate: String(startDate),
    expirationDate: perpetual ? null : String(startDate + 365 * DAY_MS),
    products: faker.helpers.arrayElements(products, { min: 1, max: 2 }).map((product) => ({ ...product })),
  };
}

/** An ENT event body, key for key as seed 001's line item sample; every value is text. */
export function generateEntitlement({ seed, entityId, now }: GenerationContext): EntityState {
  // Built first: generating a product re-seeds the shared faker.
  const products = Array.from({ length: PRODUCT_POOL }, (_, index) => productRef(seed, now, index));
  const faker = seededFaker(seed, 'flexnetEntitlement');
  const soldToAccount = accountName(faker);
  const accounts = faker.datatype.boolean() ? [accountName(faker), soldToAccount] : [soldToAccount];
  const entitlementId = entityId ?? faker.string.numeric({ length: 4, allowLeadingZeros: false });
  const entitlementName = `${soldToAccount.replace(/_ORG$/, '')}-ENT-${faker.string.numeric(3)}`;
  const lines = faker.number.int({ min: 1, max: 3 });
  const today = startOfUtcDay(now);
  return {
    entitlementId,
    entitlementName,
    version: '1.0',
    soldToAccount,
    accounts,
    lineItems: Array.from({ length: lines }, () => lineItem(faker, products, today)),
  };
}
