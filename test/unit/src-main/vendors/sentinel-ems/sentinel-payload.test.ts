import { describe, expect, it } from 'vitest';
import type { FiredEvent } from '../../../../../src-shared/domain/event.ts';
import { buildSentinelBody, buildSentinelPayload, sentinelOpDatetime } from '../../../../../src-main/vendors/sentinel-ems/sentinel-payload.ts';
import { readSentinelSeed, seedExampleBody, seedExampleFieldOrder } from '../../../../fixtures/seed-documents.ts';
import { payloadTarget } from '../../../../fixtures/payload-target.ts';

const OP_TIME = Date.UTC(2025, 6, 23, 10, 1, 33, 437);
const target = payloadTarget({ webhookId: '08c61b38-8523-4eb1-9b01-b12a2e6a583c', webhookName: 'ENTADD' });

function entitlementEvent(overrides: Partial<FiredEvent> = {}): FiredEvent {
  return {
    id: '5c9d6072-b5bf-4640-8aae-422a52847994',
    vendor: 'sentinel-ems',
    entity: 'Entitlement',
    eventName: 'Entitlement Added',
    activity: 'Add Entitlement',
    entityId: 'e60db72f-a446-43cb-9a25-0d8c36fe7b3b',
    requestId: '9876f57e-58d7-460d-bc39-06d6ee65be1b',
    opTime: OP_TIME,
    origin: 'synthetic',
    previousState: null,
    currentState: { entitlement: { id: 'e60db72f-a446-43cb-9a25-0d8c36fe7b3b', state: 'ENABLE', refId1: 'a "quoted" ref' } },
    createdAt: OP_TIME,
    ...overrides,
  };
}

const updatedEvent = () =>
  entitlementEvent({
    eventName: 'Entitlement Updated',
    activity: 'Disable Entitlement',
    previousState: { entitlement: { id: 'e60db72f-a446-43cb-9a25-0d8c36fe7b3b', state: 'ENABLE' } },
    currentState: { entitlement: { id: 'e60db72f-a446-43cb-9a25-0d8c36fe7b3b', state: 'DISABLE' } },
  });

/** The body exactly as it goes on the wire, read back with JSON.parse (not with our builder's object). */
function wireBody(event: FiredEvent, includeData = true): Record<string, unknown> {
  return JSON.parse(buildSentinelPayload(event, { ...target, includeData }).body) as Record<string, unknown>;
}

describe('Sentinel EMS notification body (seed 002, "Event Notification Data")', () => {
  it('a create event with Include Data carries the fields of the seed "Add Namespace" example, in its order', () => {
    const seedOrder = seedExampleFieldOrder('Add Namespace');
    expect(seedOrder).toEqual([
      'eventName',
      'entityName',
      'webhookId',
      'webhookName',
      'activityName',
      'requestId',
      'eventId',
      'url',
      'entityId',
      'currentState',
      'opDatetime',
    ]);
    expect(Object.keys(wireBody(entitlementEvent()))).toEqual(seedOrder);
  });

  it('an update event with Include Data carries previousState then currentState, as the "Update Namespace" example', () => {
    const seedOrder = seedExampleFieldOrder('Update Namespace');
    expect(seedOrder).toContain('previousState');
    expect(Object.keys(wireBody(updatedEvent()))).toEqual(seedOrder);
  });

  it('with Include Data = No the states are absent, as in the seed example that carries none', () => {
    const seedOrder = seedExampleFieldOrder('Product Key Quantity Exhausted');
    expect(seedOrder).not.toContain('currentState');
    expect(readSentinelSeed()).toContain('The current state and previous state are included in the event notification data only if Include Data is set to Yes');
    for (const event of [entitlementEvent(), updatedEvent()]) {
      const body = wireBody(event, false);
      expect(Object.keys(body)).toEqual(seedOrder);
      expect(body).not.toHaveProperty('currentState');
      expect(body).not.toHaveProperty('previousState');
    }
  });

  it('states are JSON strings holding {"<entity>": {...}}, like the seed example', () => {
    const seedExample = JSON.parse(seedExampleBody('Add Namespace')) as Record<string, unknown>;
    expect(typeof seedExample.currentState).toBe('string');
    expect(Object.keys(JSON.parse(seedExample.currentState as string))).toEqual(['namespace']);

    const event = updatedEvent();
    const body = wireBody(event);
    expect(typeof body.currentState).toBe('string');
    expect(typeof body.previousState).toBe('string');
    expect(JSON.parse(body.currentState as string)).toEqual(event.currentState);
    expect(JSON.parse(body.previousState as string)).toEqual(event.previousState);
    expect(Object.keys(JSON.parse(body.currentState as string))).toEqual(['entitlement']);
  });

  it('every field is a string, as in the seed examples', () => {
    const seedExample = JSON.parse(seedExampleBody('Add Namespace')) as Record<string, unknown>;
    expect(Object.values(seedExample).every((value) => typeof value === 'string')).toBe(true);
    expect(Object.values(wireBody(updatedEvent())).every((value) => typeof value === 'string')).toBe(true);
  });

  it('names the event, entity, webhook, activity and ids of what happened', () => {
    const event = entitlementEvent();
    expect(wireBody(event)).toMatchObject({
      eventName: 'Entitlement Added',
      entityName: 'Entitlement',
      webhookId: target.webhookId,
      webhookName: 'ENTADD',
      activityName: 'Add Entitlement',
      requestId: event.requestId,
      eventId: event.id,
      entityId: event.entityId,
    });
  });

  it('url is the EMS collection for a create and the entity resource for an update (seed examples)', () => {
    expect(readSentinelSeed()).toContain('"url": "https://api.example.com/ems/v5/namespaces",');
    expect(wireBody(entitlementEvent()).url).toBe('https://api.example.com/ems/v5/entitlements');
    expect(wireBody(updatedEvent()).url).toBe('https://api.example.com/ems/v5/entitlements/e60db72f-a446-43cb-9a25-0d8c36fe7b3b');
  });

  it('opDatetime has the seed format "2025-07-23 10:01:33.437" (UTC, milliseconds)', () => {
    const seedValue = (JSON.parse(seedExampleBody('Add Namespace')) as { opDatetime: string }).opDatetime;
    const seedShape = new RegExp(`^${seedValue.replace(/\d/g, '\\d').replace('.', '\\.')}$`);
    expect(wireBody(entitlementEvent()).opDatetime).toBe('2025-07-23 10:01:33.437');
    expect(sentinelOpDatetime(Date.UTC(2031, 0, 2, 3, 4, 5, 6))).toBe('2031-01-02 03:04:05.006');
    expect(sentinelOpDatetime(Date.UTC(2031, 0, 2, 3, 4, 5, 6))).toMatch(seedShape);
  });

  it('is POSTed as JSON: the Content-Type says so and the body is exactly the serialized object', () => {
    const event = updatedEvent();
    const payload = buildSentinelPayload(event, target);
    expect(payload.headers['content-type']).toBe('application/json');
    expect(payload.body).toBe(JSON.stringify(buildSentinelBody(event, target)));
  });
});
