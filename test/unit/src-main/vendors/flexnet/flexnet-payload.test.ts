import { describe, expect, it } from 'vitest';
import type { FiredEvent } from '../../../../../src-shared/domain/event.ts';
import { findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { buildFlexnetPayload } from '../../../../../src-main/vendors/flexnet/flexnet-payload.ts';
import { flexnetProfile } from '../../../../../src-main/vendors/flexnet/flexnet-profile.ts';
import type { PayloadTarget } from '../../../../../src-main/vendors/vendor-profile.ts';
import { flexnetSeedSamples, type FlexnetSeedSample } from '../../../../fixtures/seed-documents.ts';
import { payloadTarget } from '../../../../fixtures/payload-target.ts';

const OP_TIME = Date.UTC(2023, 4, 5, 12, 30, 9, 743);
const account = { tenant: '1000', userId: '1000admin' };
const target = (overrides: Partial<PayloadTarget> = {}) => payloadTarget({ webhookName: 'entitlements', account, ...overrides });

function flexnetEvent(eventName: string, states: Pick<FiredEvent, 'previousState' | 'currentState'>, opTime = OP_TIME): FiredEvent {
  const catalogEvent = findCatalogEvent('flexnet', eventName)!;
  return {
    id: 'event-1',
    vendor: 'flexnet',
    entity: catalogEvent.entity,
    eventName,
    activity: eventName,
    entityId: '3395',
    requestId: 'request-1',
    opTime,
    origin: 'synthetic',
    createdAt: opTime,
    ...states,
  };
}

/** The body exactly as it goes on the wire, read back with JSON.parse. */
function wireBody(event: FiredEvent, to = target()): { eventHeader: Record<string, unknown>; eventBody: Record<string, unknown> } {
  return JSON.parse(buildFlexnetPayload(event, to).body);
}

type Shape = string | Shape[] | { [key: string]: Shape };

/**
 * A value's JSON skeleton: keys in order, and 'string' / 'null' / arrays of element skeletons in
 * place of values. `nullable` keys may hold a string where the seed shows null.
 */
function skeleton(value: unknown, nullable: ReadonlySet<string> = new Set(), key = ''): Shape {
  if (Array.isArray(value)) return value.map((item) => skeleton(item, nullable));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, skeleton(item, nullable, name)]));
  }
  if (nullable.has(key) && (value === null || typeof value === 'string')) return 'string|null';
  return value === null ? 'null' : typeof value;
}

/** Our array elements each have the shape of the seed's first element; an empty seed array says nothing more. */
function expectSameShape(ours: Shape, seed: Shape, path: string): void {
  if (Array.isArray(seed)) {
    expect(Array.isArray(ours), `${path} is an array`).toBe(true);
    if (seed.length > 0) for (const [index, item] of (ours as Shape[]).entries()) expectSameShape(item, seed[0]!, `${path}[${index}]`);
    return;
  }
  if (typeof seed === 'object') {
    expect(Object.keys(ours as object), `${path} keys in order`).toEqual(Object.keys(seed));
    for (const key of Object.keys(seed)) expectSameShape((ours as Record<string, Shape>)[key]!, seed[key]!, `${path}.${key}`);
    return;
  }
  expect(ours, path).toBe(seed);
}

const samples = flexnetSeedSamples();
const headerName = ({ sample }: FlexnetSeedSample) => `${sample.eventHeader.event} ${sample.eventHeader.eventType}`;

describe('FlexNet ENS payloads, byte shape of seed 001', () => {
  it.each(samples.map((sample) => [sample.heading, sample] as const))('reproduces the "%s" from its values', (_heading, seedSample) => {
    const { eventHeader, eventBody } = seedSample.sample;
    const event = flexnetEvent(headerName(seedSample), { previousState: null, currentState: eventBody }, Number(eventHeader.timeStamp));
    const payload = buildFlexnetPayload(event, target({ account: { tenant: eventHeader.tenant!, userId: eventHeader.userId! } }));
    expect(payload.headers).toEqual({ 'content-type': 'application/json' });
    // Same keys, same order, same values: the normalised wire text equals the normalised sample.
    expect(JSON.stringify(JSON.parse(payload.body))).toBe(JSON.stringify(seedSample.sample));
  });

  it.each(samples.map((sample) => [sample.heading, sample] as const))(
    'a generated event of the "%s" kind has its keys, key order and value types',
    (_heading, seedSample) => {
      const eventName = headerName(seedSample);
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const generated = flexnetProfile.generateEntity(findCatalogEvent('flexnet', eventName)!, { activity: eventName, seed });
        const body = wireBody(flexnetEvent(eventName, generated));
        expectSameShape(skeleton(body, new Set(['expirationDate'])), skeleton(seedSample.sample, new Set(['expirationDate'])), `seed ${seed}`);
      }
    },
  );

  it('an entitlement UPDATE with line items is a "line item event"; one without them is the entitlement event', () => {
    const [entitlementSample, lineItemSample] = samples;
    const generated = flexnetProfile.generateEntity(findCatalogEvent('flexnet', 'ENT UPDATE')!, { activity: 'ENT UPDATE', seed: 8 });
    const body = wireBody(flexnetEvent('ENT UPDATE', generated));
    expect((body.eventBody.lineItems as unknown[]).length).toBeGreaterThan(0);
    expectSameShape(skeleton(body, new Set(['expirationDate'])), skeleton(lineItemSample!.sample, new Set(['expirationDate'])), 'line item event');
    const withoutLines = wireBody(flexnetEvent('ENT UPDATE', { previousState: null, currentState: { ...generated.currentState, lineItems: [] } }));
    expectSameShape(skeleton(withoutLines), skeleton(entitlementSample!.sample), 'entitlement event');
    expect(withoutLines.eventBody.lineItems).toEqual([]);
  });

  it('the header names the account and the event time as text; times, counts and dates are strings, unset values null', () => {
    const body = wireBody(
      flexnetEvent('DEVICE CREATE', { previousState: null, currentState: { deviceId: 'edge_7', owner: 4, lastUpdated: 1715947904066 } }),
      target({ account: { tenant: 'ACME', userId: 'ACMEadmin' } }),
    );
    expect(body.eventHeader).toEqual({ event: 'DEVICE', eventType: 'CREATE', userId: 'ACMEadmin', tenant: 'ACME', timeStamp: String(OP_TIME) });
    expect(body.eventBody).toMatchObject({ deviceName: null, deviceId: 'edge_7', owner: '4', identity: null, notes: null, lastUpdated: '1715947904066' });
  });

  it("puts edited fields back in the seed's order, keeps keys the user added after them, and fills missing lists as empty", () => {
    const body = wireBody(
      flexnetEvent('ENT CREATE', {
        previousState: null,
        currentState: { custom: 'kept', lineItems: [{ products: [{ version: 2, name: 'cad' }], copies: 10 }], entitlementId: 3395 },
      }),
    );
    expect(Object.keys(body.eventBody)).toEqual(['entitlementId', 'entitlementName', 'version', 'soldToAccount', 'accounts', 'lineItems', 'custom']);
    expect(body.eventBody).toMatchObject({ entitlementId: '3395', entitlementName: null, accounts: [], custom: 'kept' });
    const [line] = body.eventBody.lineItems as Record<string, unknown>[];
    expect(line).toMatchObject({ activationId: null, copies: '10', expirationDate: null, products: [{ name: 'cad', version: '2' }] });
    expect(Object.keys((line!.products as object[])[0]!)).toEqual(['name', 'version']);
  });

  it('line items carry lineItemCustomAttributes only when the account sets includeLineItemCustomAttributes to "true"', () => {
    const attributes = { region: ['EMEA'] };
    const event = flexnetEvent('ENT UPDATE', {
      previousState: null,
      currentState: { entitlementId: '7', lineItems: [{ activationId: 'a', lineItemCustomAttributes: attributes }, { activationId: 'b' }] },
    });
    const lines = (setting?: string) =>
      wireBody(event, target({ account: setting === undefined ? account : { ...account, includeLineItemCustomAttributes: setting } })).eventBody
        .lineItems as Record<string, unknown>[];
    for (const off of [undefined, 'false']) expect(lines(off).some((line) => 'lineItemCustomAttributes' in line)).toBe(false);
    const [first, second] = lines('true');
    expect(first!.lineItemCustomAttributes).toEqual(attributes);
    expect(second!.lineItemCustomAttributes).toEqual({});
  });

  it('a DELETE (assumed) carries the entity as last known; every event carries its body, whatever Include Data says', () => {
    const previousState = { productId: '1676', productName: 'demo', version: '1.0', features: [] };
    const body = wireBody(flexnetEvent('PROD DELETE', { previousState, currentState: null }), target({ includeData: false }));
    expect(body.eventHeader).toMatchObject({ event: 'PROD', eventType: 'DELETE' });
    expect(body.eventBody).toEqual(previousState);
  });
});
