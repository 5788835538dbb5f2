import { type CloudEvent, HTTP } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import type { FiredEvent } from '../../../../../src-shared/domain/event.ts';
import { CLOUDEVENTS_REQUEST_ORIGIN } from '../../../../../src-shared/vendors/cloudevents/catalog.ts';
import { buildCloudEventsPayload } from '../../../../../src-main/vendors/cloudevents/cloudevents-payload.ts';
import { payloadTarget } from '../../../../fixtures/payload-target.ts';

const event: FiredEvent = {
  id: '6f1c2a7e-4d0b-4a53-9a57-1f0d2f3e9b11',
  vendor: 'cloudevents',
  entity: 'Seat',
  eventName: 'com.hooklab.licensing.seat.activated',
  activity: 'activated',
  entityId: 'seat_k2j4h5g6f7d8s9',
  requestId: 'b0e7c1f2-0000-4000-8000-000000000001',
  opTime: Date.UTC(2025, 6, 23, 10, 1, 33, 437),
  origin: 'synthetic',
  previousState: null,
  currentState: { id: 'seat_k2j4h5g6f7d8s9', entitlementId: 'ent_1', status: 'active', deactivatedAt: null },
  createdAt: Date.UTC(2025, 6, 23, 10, 1, 33, 437),
};

const target = (mode: string, includeData = true) =>
  payloadTarget({ webhookId: 'w1', webhookName: 'seats', includeData, options: { mode }, account: { source: '/hooklab/licensing' } });

/** What arrives, read by the CloudEvents SDK rather than by us. */
function received(mode: string, includeData = true): CloudEvent<unknown> {
  const { headers, body } = buildCloudEventsPayload(event, target(mode, includeData));
  return HTTP.toEvent({ headers, body }) as CloudEvent<unknown>;
}

const attributes = {
  specversion: '1.0',
  id: event.id,
  source: '/hooklab/licensing',
  type: 'com.hooklab.licensing.seat.activated',
  subject: 'seat_k2j4h5g6f7d8s9',
  time: '2025-07-23T10:01:33.437Z',
};

describe('CloudEvents payload, parsed by the cloudevents SDK (HTTP.toEvent)', () => {
  it('structured mode: the whole event in an application/cloudevents+json body', () => {
    const payload = buildCloudEventsPayload(event, target('structured'));
    expect(payload.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(Object.keys(payload.headers).filter((name) => name.startsWith('ce-'))).toEqual([]);
    const parsed = received('structured');
    expect(parsed).toMatchObject({ ...attributes, datacontenttype: 'application/json', data: event.currentState });
    expect(parsed.validate()).toBe(true);
  });

  it('binary mode: attributes in ce-* headers, only data in the body', () => {
    const payload = buildCloudEventsPayload(event, target('binary'));
    expect(payload.headers).toMatchObject({ 'ce-id': event.id, 'ce-specversion': '1.0', 'content-type': 'application/json' });
    expect(JSON.parse(payload.body)).toEqual(event.currentState);
    expect(received('binary')).toMatchObject({ ...attributes, datacontenttype: 'application/json', data: event.currentState });
  });

  it.each(['structured', 'binary'])('%s mode without Include Data: a valid event with no data', (mode) => {
    const parsed = received(mode, false);
    expect(parsed).toMatchObject(attributes);
    expect(parsed.datacontenttype).toBeUndefined();
    // Binary mode has no attribute for "no data": the SDK reads the empty body as ''.
    expect(parsed.data ?? '').toBe('');
    expect(parsed.validate()).toBe(true);
  });

  it('a delete carries the entity as it was; every delivery names the handshake origin', () => {
    const deleted = { ...event, eventName: 'com.hooklab.licensing.entitlement.deleted', previousState: { id: 'ent_1' }, currentState: null };
    const payload = buildCloudEventsPayload(deleted, target('structured'));
    expect(JSON.parse(payload.body).data).toEqual({ id: 'ent_1' });
    expect(payload.headers['webhook-request-origin']).toBe(CLOUDEVENTS_REQUEST_ORIGIN);
  });

  it('the id is the event’s, the same on every try', () => {
    const first = buildCloudEventsPayload(event, target('structured'));
    const third = buildCloudEventsPayload(event, { ...target('structured'), attempt: 3 });
    expect(third.body).toBe(first.body);
  });
});
