import type { FiredEvent } from '../../../src-shared/domain/event.ts';
import { FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING, requireFlexnetHeader, type FlexnetCategory } from '../../../src-shared/vendors/flexnet/catalog.ts';
import type { PayloadTarget, VendorPayload } from '../vendor-profile.ts';

/** A text field, a list of texts, or a list of records of one shape. */
type FieldShape = 'text' | 'texts' | readonly [RecordShape];
type RecordShape = Readonly<Record<string, FieldShape>>;

/** The eventBody of each category, keys in seed 001's order. */
const PRODUCT_REF: RecordShape = { name: 'text', version: 'text' };
const LINE_ITEM: RecordShape = {
  activationId: 'text',
  description: 'text',
  licenseModel: 'text',
  orderId: 'text',
  copies: 'text',
  exactAvailableCount: 'text',
  startDate: 'text',
  expirationDate: 'text',
  products: [PRODUCT_REF],
};
const BODY_SHAPES: Readonly<Record<FlexnetCategory, RecordShape>> = {
  ENT: {
    entitlementId: 'text',
    entitlementName: 'text',
    version: 'text',
    soldToAccount: 'text',
    accounts: 'texts',
    lineItems: [LINE_ITEM],
  },
  PROD: { productId: 'text', productName: 'text', version: 'text', features: [{ featureName: 'text', version: 'text', count: 'text' }] },
  DEVICE: {
    deviceName: 'text',
    deviceId: 'text',
    version: 'text',
    id: 'text',
    siteName: 'text',
    owner: 'text',
    identity: 'text',
    deploymentType: 'text',
    hostType: 'text',
    status: 'text',
    active: 'text',
    notes: 'text',
    errorMessage: 'text',
    idtype: 'text',
    lastUpdated: 'text',
  },
};

/** Seed 001 writes every number, count and date as a string and null where a value is unset. */
function asText(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return value;
}

function asList(value: unknown, element: (item: unknown) => unknown): unknown {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(element) : value;
}

function shapedField(value: unknown, shape: FieldShape): unknown {
  if (shape === 'text') return asText(value);
  if (shape === 'texts') return asList(value, asText);
  return asList(value, (item) => shapedRecord(item, shape[0]));
}

/**
 * A state in seed 001's byte shape, whatever the user edited: the seed's keys in the seed's
 * order, numbers as strings, missing values null (missing lists empty). Keys the user added
 * follow, unchanged: edits are sent as made.
 */
function shapedRecord(value: unknown, shape: RecordShape): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const shaped: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) shaped[key] = shapedField(record[key], field);
  for (const [key, extra] of Object.entries(record)) if (!Object.hasOwn(shape, key)) shaped[key] = extra;
  return shaped;
}

const LINE_ITEM_ATTRIBUTES = 'lineItemCustomAttributes';

/**
 * FlexNet Operations documentation: a line item's `lineItemCustomAttributes` "is returned only if
 * includeLineItemCustomAttributes is set to true" (an account setting here). On, every line item
 * carries them (`{}` when the state has none); off, none does, whatever the state holds.
 */
function withLineItemAttributes(body: unknown, include: boolean): unknown {
  const lineItems = (body as { lineItems?: unknown }).lineItems;
  if (!Array.isArray(lineItems)) return body;
  const items = lineItems.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const { [LINE_ITEM_ATTRIBUTES]: attributes, ...rest } = item as Record<string, unknown>;
    return include ? { ...rest, [LINE_ITEM_ATTRIBUTES]: attributes ?? {} } : rest;
  });
  return { ...(body as Record<string, unknown>), lineItems: items };
}

/**
 * `{"eventHeader": {…}, "eventBody": {…}}` exactly as seed 001 shows it. The header names the
 * account's tenant and user (seed 000: one tenant per producer) and the event time as epoch ms
 * text. The ENS has no "Include Data" setting: every notification carries its body. A DELETE
 * (a Hooklab assumption) carries the entity as last known.
 */
function buildFlexnetBody(event: FiredEvent, target: PayloadTarget): Record<string, unknown> {
  const header = requireFlexnetHeader(event.eventName);
  const state = header.eventType === 'DELETE' ? event.previousState : (event.currentState ?? event.previousState);
  return {
    eventHeader: {
      event: header.event,
      eventType: header.eventType,
      userId: asText(target.account.userId),
      tenant: asText(target.account.tenant),
      timeStamp: String(event.opTime),
    },
    eventBody: withLineItemAttributes(shapedRecord(state ?? {}, BODY_SHAPES[header.event]), target.account[FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING] === 'true'),
  };
}

export function buildFlexnetPayload(event: FiredEvent, target: PayloadTarget): VendorPayload {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(buildFlexnetBody(event, target)) };
}
