import type { EntityState } from '../vendor-profile.ts';
import { generateProduct } from './catalog-item-state.ts';
import { MARKET_GROUPS, channelPartnerRef, contactRef, customerRef, type ContactRef, type CustomerRef } from './party-state.ts';
import { daysAfter, seededFaker, type GenerationContext } from '../seeded-faker.ts';
import { auditHead, sentinelDate } from './sentinel-faker.ts';

export interface ProductKey {
  id: string;
  pkId: string;
  entitlementId: string;
  state: string;
  startDate: string;
  endDate: string;
  totalQuantity: number;
  availableQuantity: number;
  item: {
    itemProduct: {
      product: { id: string; nameVersion: { name: string; version: string } };
      itemFeatures?: { itemFeature: { feature: { id: string } }[] };
    };
  };
}

interface ProductFeatures {
  productFeatures: { productFeature: { feature: { id: string } }[] };
}

export interface Entitlement {
  id: string;
  eId: string;
  state: string;
  startDate: string;
  endDate: string;
  customer: CustomerRef;
  contact: ContactRef;
  productKeys: { productKey: ProductKey[] };
  [field: string]: unknown;
}

export function entitlementOf(state: EntityState): Entitlement {
  return state.entitlement as Entitlement;
}

function productWithFeatures(seed: number, now: number, index: number) {
  const { product } = generateProduct({ seed, now }, index) as { product: ProductKey['item']['itemProduct']['product'] & ProductFeatures };
  return {
    product: { id: product.id, nameVersion: product.nameVersion },
    features: product.productFeatures.productFeature.map(({ feature }) => feature),
  };
}

/**
 * A Sentinel EMS entitlement as `{"entitlement": {...}}`, with every path the seed's trigger
 * condition examples address (customer, contact, marketGroup, productKeys.productKey[*].item…).
 * Its customer, contact, partner and products are the ones the same seed generates on their own.
 */
export function generateEntitlement({ seed, entityId, now }: GenerationContext): EntityState {
  const customer = customerRef(seed, now);
  const contact = contactRef(seed, now);
  const partner = channelPartnerRef(seed, now);
  // At least two keys, so the seed's `productKey[1]` example (the second key) always has a value.
  // Drawn from the seed itself: the products must be built before the entitlement's own faker.
  const keyCount = 2 + (Math.abs(seed) % 2);
  const products = Array.from({ length: keyCount }, (_, index) => productWithFeatures(seed, now, index));
  const faker = seededFaker(seed, 'entitlement');
  const head = auditHead(faker, entityId, now);
  const id = head.id as string;
  const start = Date.parse(`${(head.creationDate as string).slice(0, 10)}T00:00:00Z`);
  const productKey = products.map(({ product, features }): ProductKey => {
    const quantity = faker.number.int({ min: 1, max: 50 });
    return {
      id: faker.string.uuid(),
      pkId: faker.string.uuid(),
      entitlementId: id,
      state: 'ENABLE',
      startDate: sentinelDate(start),
      endDate: sentinelDate(daysAfter(start, 365)),
      totalQuantity: quantity,
      availableQuantity: quantity,
      item: { itemProduct: { product, itemFeatures: { itemFeature: features.map((feature) => ({ feature })) } } },
    };
  });
  return {
    entitlement: {
      ...head,
      eId: faker.string.alphanumeric({ length: 12, casing: 'upper' }),
      state: 'ENABLE',
      startDate: sentinelDate(start),
      endDate: sentinelDate(daysAfter(start, 365)),
      refId1: '',
      refId2: '',
      customer,
      contact,
      channelPartners: { channelPartner: [partner] },
      marketGroup: { id: faker.string.uuid(), name: faker.helpers.arrayElement(MARKET_GROUPS) },
      customAttributes: { customAttribute: [{ name: 'region', value: faker.location.countryCode() }] },
      productKeys: { productKey },
    },
  };
}

/** The entitlement's first product key: the one that activations, license grants and Sentinel keys use. */
export function firstProductKey(entitlement: Entitlement): ProductKey {
  return entitlement.productKeys.productKey[0]!;
}
