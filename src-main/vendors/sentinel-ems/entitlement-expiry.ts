import { entitlementOf, firstProductKey, generateEntitlement } from './entitlement-state.ts';
import type { StatePair } from './entity-updates.ts';
import type { GenerationContext } from '../seeded-faker.ts';
import { sentinelDate } from './sentinel-faker.ts';

/**
 * The entitlement events Sentinel EMS raises by itself, with the state seed 002 gives each
 * ("Event Notification Data", NOTE).
 */

/**
 * "The Entitlement Expired event contains full entitlement payload only in the current state",
 * and "When an entitlement expires, all the product keys in the entitlement also expire".
 */
export function expiredEntitlement(context: GenerationContext): StatePair {
  const currentState = generateEntitlement(context);
  const entitlement = entitlementOf(currentState);
  const today = sentinelDate(context.now);
  entitlement.endDate = today;
  for (const key of entitlement.productKeys.productKey) key.endDate = today;
  return { previousState: null, currentState };
}

/**
 * "When an individual product key expires, then the Product Key Expired event is sent." The seed
 * shows no sample; Hooklab sends the entitlement before and after, its first key's end date
 * reached (an assumption, like the entity being the entitlement as for Quantity Exhausted).
 */
export function expiredProductKey(context: GenerationContext): StatePair {
  const previousState = generateEntitlement(context);
  const currentState = structuredClone(previousState);
  firstProductKey(entitlementOf(currentState)).endDate = sentinelDate(context.now);
  return { previousState, currentState };
}

/**
 * "The payload of the Product Key Quantity Exhausted event does not contain all the product keys
 * for an entitlement. It contains selective entitlement fields for entitlement, customer, contact
 * [...], channel partner, product keys, and custom attributes, without any feature details."
 * So: the exhausted key only, no features, and no previous state (the seed's sample has none).
 */
export function exhaustedProductKey(context: GenerationContext): StatePair {
  const entitlement = entitlementOf(generateEntitlement(context));
  const key = firstProductKey(entitlement);
  const { product } = key.item.itemProduct;
  return {
    previousState: null,
    currentState: {
      entitlement: {
        id: entitlement.id,
        eId: entitlement.eId,
        state: entitlement.state,
        startDate: entitlement.startDate,
        endDate: entitlement.endDate,
        customer: entitlement.customer,
        contact: entitlement.contact,
        channelPartners: entitlement.channelPartners,
        customAttributes: entitlement.customAttributes,
        productKeys: { productKey: [{ ...key, availableQuantity: 0, item: { itemProduct: { product } } }] },
      },
    },
  };
}
