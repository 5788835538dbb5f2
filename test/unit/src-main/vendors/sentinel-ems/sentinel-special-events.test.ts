import { describe, expect, it } from 'vitest';
import type { FiredEvent } from '../../../../../src-shared/domain/event.ts';
import { generateNamespace } from '../../../../../src-main/vendors/sentinel-ems/catalog-item-state.ts';
import { buildSentinelPayload } from '../../../../../src-main/vendors/sentinel-ems/sentinel-payload.ts';
import { sentinelProfile } from '../../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import { findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { readSentinelSeed, seedExampleBody } from '../../../../fixtures/seed-documents.ts';
import { payloadTarget } from '../../../../fixtures/payload-target.ts';

type Sample = Record<string, string>;
const sample = (name: string) => JSON.parse(seedExampleBody(name)) as Sample;

/** A fired event holding exactly the ids, names and time of a seed sample. */
function eventFromSample(body: Sample, entity: Partial<Pick<FiredEvent, 'previousState' | 'currentState'>> = {}): FiredEvent {
  const opTime = Date.parse(`${body.opDatetime!.replace(' ', 'T')}Z`);
  return {
    id: body.eventId!,
    vendor: 'sentinel-ems',
    entity: body.entityName!,
    eventName: body.eventName!,
    activity: body.activityName!,
    entityId: body.entityId!,
    requestId: body.requestId!,
    opTime,
    origin: 'synthetic',
    previousState: entity.previousState ?? null,
    currentState: entity.currentState ?? null,
    createdAt: opTime,
  };
}

function wire(event: FiredEvent, includeData: boolean, webhook = { webhookId: 'w-1', webhookName: 'HOOK' }): Record<string, string> {
  return JSON.parse(buildSentinelPayload(event, payloadTarget({ ...webhook, includeData })).body) as Record<string, string>;
}

function fired(eventName: string, activity: string, seed = 21): FiredEvent {
  const event = findCatalogEvent('sentinel-ems', eventName)!;
  const generated = sentinelProfile.generateEntity(event, { activity, seed });
  return { ...eventFromSample(sample('Add Namespace')), entity: event.entity, eventName, activity, ...generated };
}

describe('Sentinel EMS payloads byte for byte against the seed samples', () => {
  it('"Add Namespace": the same event gives the seed sample\'s exact bytes (compact JSON)', () => {
    const body = sample('Add Namespace');
    const event = eventFromSample(body, { currentState: JSON.parse(body.currentState!) as Record<string, unknown> });
    const payload = buildSentinelPayload(event, payloadTarget({ webhookId: body.webhookId!, webhookName: body.webhookName!, includeData: true }));
    expect(payload.body).toBe(JSON.stringify(body));
  });

  it("a generated namespace has the sample's fields in the sample's order", () => {
    const seedNamespace = (JSON.parse(sample('Add Namespace').currentState!) as { namespace: object }).namespace;
    const generated = (generateNamespace({ seed: 1, now: Date.now() }) as { namespace: object }).namespace;
    expect(Object.keys(generated)).toEqual(Object.keys(seedNamespace));
  });

  it('"Product Key Quantity Exhausted" without Include Data gives the seed sample\'s exact bytes, url of the activation call included', () => {
    const body = sample('Product Key Quantity Exhausted');
    expect(body.url).toBe('https://api.example.com/ems/v5/activations/bulkActivate');
    const event = eventFromSample(
      body,
      sentinelProfile.generateEntity(findCatalogEvent('sentinel-ems', body.eventName!)!, { activity: 'Add Activation', seed: 2 }),
    );
    const payload = buildSentinelPayload(event, payloadTarget({ webhookId: body.webhookId!, webhookName: body.webhookName!, includeData: false }));
    expect(payload.body).toBe(JSON.stringify(body));
  });
});

describe('Sentinel EMS special cases (seed 002, "Event Notification Data", NOTE)', () => {
  it('"Product Key Quantity Exhausted" with Include Data: selected entitlement fields, only the exhausted key, no features, no previous state', () => {
    expect(readSentinelSeed()).toContain('without any feature details');
    const body = wire(fired('Product Key Quantity Exhausted', 'Add Activation'), true);
    expect(body).not.toHaveProperty('previousState');
    expect(body.currentState).not.toMatch(/feature/i);
    const { entitlement } = JSON.parse(body.currentState!) as {
      entitlement: { id: string; productKeys: { productKey: { availableQuantity: number; entitlementId: string }[] } } & Record<string, unknown>;
    };
    expect(Object.keys(entitlement)).toEqual(expect.arrayContaining(['id', 'customer', 'contact', 'channelPartners', 'productKeys', 'customAttributes']));
    expect(entitlement.productKeys.productKey).toHaveLength(1);
    expect(entitlement.productKeys.productKey[0]).toMatchObject({ availableQuantity: 0, entitlementId: entitlement.id });
    expect(body.entityId).toBe(entitlement.id);
  });

  it('"Entitlement Expired" carries the full entitlement in the current state only, every key ended', () => {
    const event = fired('Entitlement Expired', 'Entitlement Expired');
    const body = wire(event, true);
    expect(body).not.toHaveProperty('previousState');
    const { entitlement } = JSON.parse(body.currentState!) as {
      entitlement: { endDate: string; productKeys: { productKey: { endDate: string; item: { itemProduct: { itemFeatures?: unknown } } }[] } };
    };
    const today = new Date().toISOString().slice(0, 10);
    expect(entitlement.endDate).toBe(today);
    expect(entitlement.productKeys.productKey.length).toBeGreaterThanOrEqual(2);
    for (const key of entitlement.productKeys.productKey) {
      expect(key.endDate).toBe(today);
      expect(key.item.itemProduct.itemFeatures).toBeDefined();
    }
  });

  it('"Product Key Expired" is the entitlement before and after, its first key ended', () => {
    const body = wire(fired('Product Key Expired', 'Product Key Expired'), true);
    type Keys = { entitlement: { productKeys: { productKey: { endDate: string }[] } } };
    const [before, after] = [body.previousState, body.currentState].map((state) => (JSON.parse(state!) as Keys).entitlement.productKeys.productKey);
    expect(after![0]!.endDate).toBe(new Date().toISOString().slice(0, 10));
    expect(before![0]!.endDate).not.toBe(after![0]!.endDate);
    expect(after!.slice(1)).toEqual(before!.slice(1));
  });

  it('a delete sends a blank current state beside the previous one, and neither without Include Data', () => {
    expect(readSentinelSeed()).toContain('It is blank for "Delete" events.');
    const event = fired('Customer Updated', 'Delete Customer');
    const body = wire(event, true);
    expect(body.currentState).toBe('');
    expect(JSON.parse(body.previousState!)).toEqual(event.previousState);
    expect(Object.keys(body).slice(-3)).toEqual(['previousState', 'currentState', 'opDatetime']);
    expect(body.url).toBe(`https://api.example.com/ems/v5/customers/${event.entityId}`);
    const bare = wire(event, false);
    expect(bare).not.toHaveProperty('currentState');
    expect(bare).not.toHaveProperty('previousState');
  });
});
