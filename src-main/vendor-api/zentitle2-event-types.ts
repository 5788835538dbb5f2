import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';

/** ListOfWebhookEventTypeModel's item (OAS-2023); `type` is the spec's enum. */
export interface Zentitle2EventType {
  type: 'entitlementGroup' | 'entitlement' | 'customer';
  code: string;
  description: string;
}

/** "Event types" assumption: seats, maintenance and usage report on an entitlement. */
const TYPE_OF_ENTITY: Readonly<Record<string, Zentitle2EventType['type']>> = {
  Customer: 'customer',
  'Entitlement group': 'entitlementGroup',
};

/**
 * Hooklab's wording, apart from the two the spec's event list quotes (provision, usage summary):
 * the stored spec excerpts give codes, not descriptions ("Event types" assumption).
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'customer.created': 'A customer was created',
  'customer.updated': 'A customer was updated',
  'entitlement.created': 'An entitlement was created',
  'entitlement.updated': 'An entitlement was updated',
  'entitlement.activated': 'An entitlement was activated',
  'entitlement.renewed': 'An entitlement was renewed',
  'entitlement.provision': 'Generated from UI or ManagementAPI to start provisioning process in the integration service',
  'entitlement.expires30days': 'An entitlement expires in 30 days',
  'entitlement.expires7days': 'An entitlement expires in 7 days',
  'entitlement.expires1day': 'An entitlement expires in 1 day',
  'entitlement.expired': 'An entitlement expired',
  'entitlement.maintenance.expires30days': "An entitlement's maintenance expires in 30 days",
  'entitlement.maintenance.expires7days': "An entitlement's maintenance expires in 7 days",
  'entitlement.maintenance.expires1day': "An entitlement's maintenance expires in 1 day",
  'entitlement.maintenance.expired': "An entitlement's maintenance expired",
  'entitlement.seat.activated': 'A seat of an entitlement was activated',
  'entitlement.seat.deactivated': 'A seat of an entitlement was deactivated',
  'entitlement.group.created': 'An entitlement group was created',
  'entitlement.group.updated': 'An entitlement group was updated',
  'entitlement.usage.summary': 'Generated after a usage reset',
};

/** GET /api/v1/account/webhooks/events: the codes a webhook can subscribe to, from Hooklab's Zentitle2 catalog. */
export function zentitle2EventTypes(): Zentitle2EventType[] {
  return vendorCatalogs.zentitle2.entities.flatMap((entity) =>
    entity.events.map((event) => ({
      type: TYPE_OF_ENTITY[entity.name] ?? 'entitlement',
      code: event.name,
      description: DESCRIPTIONS[event.name] ?? `${entity.name}: ${event.name}`,
    })),
  );
}
