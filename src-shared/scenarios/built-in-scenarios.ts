import type { ScenarioInput } from '../domain/scenario.ts';
import { DAY_MS, HOUR_MS } from '../domain/time-units.ts';

/**
 * Licensing stories that ship with Hooklab, read-only. Event names are the catalogs' exactly;
 * the delays are vendor time (a year-long entitlement plays in seconds at 3600× and speed).
 */
export const BUILT_IN_SCENARIOS: Readonly<Record<string, ScenarioInput>> = {
  'sentinel-entitlement-lifecycle': {
    name: 'Sentinel EMS: entitlement lifecycle',
    description: 'A customer buys an entitlement, activates it, uses up the product key, and the entitlement expires.',
    seed: 4201,
    steps: [
      { vendor: 'sentinel-ems', eventName: 'Entitlement Added', activity: 'Add Entitlement' },
      { vendor: 'sentinel-ems', eventName: 'Activation Added', activity: 'Add Activation', delayMs: HOUR_MS },
      { vendor: 'sentinel-ems', eventName: 'Product Key Quantity Exhausted', activity: 'Add Activation', delayMs: DAY_MS },
      { vendor: 'sentinel-ems', eventName: 'Entitlement Expired', delayMs: 30 * DAY_MS },
    ],
  },
  'flexnet-product-to-device': {
    name: 'FlexNet: product, entitlement, device',
    description: 'A product is defined, an entitlement with line items for it is created, and a device is registered.',
    seed: 4202,
    steps: [
      { vendor: 'flexnet', eventName: 'PROD CREATE' },
      { vendor: 'flexnet', eventName: 'ENT CREATE', delayMs: HOUR_MS },
      { vendor: 'flexnet', eventName: 'DEVICE CREATE', delayMs: DAY_MS },
    ],
  },
  'zentitle2-seat-lifecycle': {
    name: 'Zentitle2: customer to expiry',
    description: 'A customer gets an entitlement, activates it and a seat, is warned a week before expiry, and it expires.',
    seed: 4203,
    steps: [
      { vendor: 'zentitle2', eventName: 'customer.created' },
      { vendor: 'zentitle2', eventName: 'entitlement.created', delayMs: HOUR_MS },
      { vendor: 'zentitle2', eventName: 'entitlement.activated', delayMs: HOUR_MS },
      { vendor: 'zentitle2', eventName: 'entitlement.seat.activated', delayMs: HOUR_MS },
      { vendor: 'zentitle2', eventName: 'entitlement.expires7days', delayMs: 30 * DAY_MS },
      { vendor: 'zentitle2', eventName: 'entitlement.expired', delayMs: 7 * DAY_MS },
    ],
  },
  'cloudevents-licensing-lifecycle': {
    name: 'CloudEvents: customer to expiry',
    description: 'A customer gets an entitlement and a license, activates a seat, and the entitlement expires.',
    seed: 4204,
    steps: [
      { vendor: 'cloudevents', eventName: 'com.hooklab.licensing.customer.created' },
      { vendor: 'cloudevents', eventName: 'com.hooklab.licensing.entitlement.created', delayMs: HOUR_MS },
      { vendor: 'cloudevents', eventName: 'com.hooklab.licensing.license.issued', delayMs: HOUR_MS },
      { vendor: 'cloudevents', eventName: 'com.hooklab.licensing.seat.activated', delayMs: HOUR_MS },
      { vendor: 'cloudevents', eventName: 'com.hooklab.licensing.entitlement.expired', delayMs: 30 * DAY_MS },
    ],
  },
};
