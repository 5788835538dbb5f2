import type { CatalogEntity, CatalogEvent, CatalogOperation, VendorCatalog } from '../../domain/vendor.ts';

type EventRow = readonly [operation: CatalogOperation, code: string];

interface EntityRows {
  name: string;
  note?: string;
  events: readonly EventRow[];
}

/**
 * Zentitle2's webhook event codes (VENDORS.md, from the Zentitle2 OpenAPI spec as Nalpeiron's n8n
 * integration lists it), grouped by the entity they report on. Zentitle2 has no activities: each
 * event is its own single activity, so activity filters are moot. The codes are what a webhook
 * subscribes to and what `eventCode` carries, so they are the names, exactly.
 */
const TABLE: readonly EntityRows[] = [
  {
    name: 'Customer',
    events: [
      ['Create', 'customer.created'],
      ['Update', 'customer.updated'],
    ],
  },
  {
    name: 'Entitlement',
    events: [
      ['Create', 'entitlement.created'],
      ['Update', 'entitlement.updated'],
      ['Update', 'entitlement.activated'],
      ['Update', 'entitlement.renewed'],
      ['Update', 'entitlement.provision'],
      ['Update', 'entitlement.expires30days'],
      ['Update', 'entitlement.expires7days'],
      ['Update', 'entitlement.expires1day'],
      ['Update', 'entitlement.expired'],
    ],
  },
  {
    name: 'Entitlement maintenance',
    events: [
      ['Update', 'entitlement.maintenance.expires30days'],
      ['Update', 'entitlement.maintenance.expires7days'],
      ['Update', 'entitlement.maintenance.expires1day'],
      ['Update', 'entitlement.maintenance.expired'],
    ],
  },
  {
    name: 'Seat',
    events: [
      ['Create', 'entitlement.seat.activated'],
      ['Update', 'entitlement.seat.deactivated'],
    ],
  },
  {
    name: 'Entitlement group',
    note: 'payload fields are a Hooklab assumption: the spec excerpts name none',
    events: [
      ['Create', 'entitlement.group.created'],
      ['Update', 'entitlement.group.updated'],
    ],
  },
  {
    name: 'Usage',
    note: 'payload fields are a Hooklab assumption: the spec excerpts name none',
    events: [['Create', 'entitlement.usage.summary']],
  },
];

function toEvent(entity: string, [operation, code]: EventRow): CatalogEvent {
  return { name: code, entity, operation, activities: [code], conditionsAllowed: false };
}

function toEntity({ name, note, events }: EntityRows): CatalogEntity {
  return { name, ...(note ? { note } : {}), events: events.map((row) => toEvent(name, row)) };
}

/**
 * Seed 004, "Testing": the 'Test' button "generates a new WebhookEvent [...] The payload of this
 * call is empty; the resource id contains the ID of the listener". The seed does not give its
 * event code; "webhook.test" is a Hooklab assumption.
 */
export const ZENTITLE2_TEST_EVENT: CatalogEvent = {
  name: 'webhook.test',
  entity: 'Webhook',
  operation: 'Create',
  activities: ['webhook.test'],
  conditionsAllowed: false,
};

export const zentitle2Catalog: VendorCatalog = {
  vendor: 'zentitle2',
  label: 'Nalpeiron Zentitle2',
  note: 'Zentitle2 reports no activities: each event\'s only activity is its code. The "Test" action is a button on each webhook, not an event to subscribe to.',
  entities: TABLE.map(toEntity),
  auth: {
    kinds: ['none'],
    sharedPerAccount: false,
    note: "Zentitle2 documentation: calls carry no credentials; receivers check the N-Signature header against the account's RSA public key.",
  },
  signature: 'n-signature',
  includeDataChoice: false,
  options: [],
  accountFields: [],
  testEvent: ZENTITLE2_TEST_EVENT,
};
