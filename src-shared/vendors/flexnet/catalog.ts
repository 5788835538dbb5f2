import type { CatalogEntity, CatalogEvent, CatalogOperation, VendorCatalog } from '../../domain/vendor.ts';

/** The `eventHeader.event` codes of seed 001: one per category a producer subscribes a URL to. */
export const FLEXNET_CATEGORIES = ['ENT', 'PROD', 'DEVICE'] as const;
export type FlexnetCategory = (typeof FLEXNET_CATEGORIES)[number];

/** Account settings that are ENS configuration parameters of the same name. */
export const FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING = 'includeLineItemCustomAttributes';
export const FLEXNET_SERVICE_URL_SETTING = 'fnoServiceUrl';

/** The Event Notification Service's name for each category: its `<name>Subscription` and `<name>WebhookUrl` configuration fields. */
export const FLEXNET_ENS_SUBSCRIPTIONS = { ENT: 'entitlement', PROD: 'product', DEVICE: 'device' } as const satisfies Record<FlexnetCategory, string>;
export type FlexnetEnsSubscription = (typeof FLEXNET_ENS_SUBSCRIPTIONS)[FlexnetCategory];

/** Seed 001 shows CREATE and UPDATE; DELETE is a Hooklab assumption (VENDORS.md). */
export const FLEXNET_EVENT_TYPES = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type FlexnetEventType = (typeof FLEXNET_EVENT_TYPES)[number];

export interface FlexnetEventHeader {
  event: FlexnetCategory;
  eventType: FlexnetEventType;
}

const OPERATIONS: Readonly<Record<FlexnetEventType, CatalogOperation>> = { CREATE: 'Create', UPDATE: 'Update', DELETE: 'Delete' };

const DELETE_ASSUMED = 'DELETE is a Hooklab assumption: the FlexNet Operations documentation shows only CREATE and UPDATE';

const ENTITIES: readonly { category: FlexnetCategory; name: string; note?: string }[] = [
  { category: 'ENT', name: 'Entitlement (ENT)', note: 'entitlements with their line items' },
  { category: 'PROD', name: 'Product (PROD)' },
  { category: 'DEVICE', name: 'Device (DEVICE)' },
];

/**
 * Event names are the header pair as the payload writes it ("ENT UPDATE"), so a name maps 1:1 to
 * `eventHeader.event` / `eventHeader.eventType`. FlexNet has no activities: each event's only
 * activity is the event itself.
 */
export function flexnetEventName({ event, eventType }: FlexnetEventHeader): string {
  return `${event} ${eventType}`;
}

export function flexnetEventHeader(eventName: string): FlexnetEventHeader | undefined {
  const [event, eventType, ...rest] = eventName.split(' ');
  const known =
    rest.length === 0 && (FLEXNET_CATEGORIES as readonly string[]).includes(event!) && (FLEXNET_EVENT_TYPES as readonly string[]).includes(eventType ?? '');
  return known ? { event: event as FlexnetCategory, eventType: eventType as FlexnetEventType } : undefined;
}

/** The header of an event the engine was given as FlexNet's: any other name is a programming error. */
export function requireFlexnetHeader(eventName: string): FlexnetEventHeader {
  const header = flexnetEventHeader(eventName);
  if (!header) throw new Error(`"${eventName}" is not a FlexNet event`);
  return header;
}

function entityEvents(category: FlexnetCategory, entity: string): CatalogEvent[] {
  return FLEXNET_EVENT_TYPES.map((eventType) => {
    const name = flexnetEventName({ event: category, eventType });
    return { name, entity, operation: OPERATIONS[eventType], activities: [name], conditionsAllowed: false };
  });
}

const entities: CatalogEntity[] = ENTITIES.map(({ category, name, note }) => ({ name, ...(note ? { note } : {}), events: entityEvents(category, name) }));

/** Seeds 000 (the Event Notification Service) and 001 (payload samples). */
export const flexnetCatalog: VendorCatalog = {
  vendor: 'flexnet',
  label: 'Revenera FlexNet Operations',
  note: `${DELETE_ASSUMED}. FlexNet reports no activities: each event's only activity is the event itself.`,
  entities,
  auth: {
    // No profile on the account is the ENS authType "none".
    kinds: ['basic', 'bearer'],
    sharedPerAccount: true,
    note: 'FlexNet Operations documentation: the webhooks of all categories use the same credentials, authType basic (user name and password) or bearer (a static token), or none.',
  },
  signature: 'none',
  includeDataChoice: false,
  options: [],
  accountFields: [
    { key: 'tenant', label: 'Tenant', default: '1000', help: 'Sent as eventHeader.tenant (FlexNet Operations documentation sample: "1000").' },
    {
      key: 'userId',
      label: 'User id',
      default: '1000admin',
      help: 'Sent as eventHeader.userId, the user who made the change (FlexNet Operations documentation sample: "1000admin").',
    },
    {
      key: FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING,
      label: 'Include line item custom attributes',
      default: 'false',
      choices: ['true', 'false'],
      help: 'ENS includeLineItemCustomAttributes: "true" adds lineItemCustomAttributes to every line item of ENT events (FlexNet Operations documentation: "returned only if includeLineItemCustomAttributes is set to true").',
    },
    {
      key: FLEXNET_SERVICE_URL_SETTING,
      label: 'FNO service URL',
      default: 'http://1000-fno-uat.flexnetoperations.eu/flexnet/operations/',
      help: 'ENS fnoServiceUrl: "the URL to your FlexNet Operations instance" (documentation example). Kept for the ENS configuration; Hooklab does not call it.',
    },
  ],
  oneEntityPerWebhook: true,
};
