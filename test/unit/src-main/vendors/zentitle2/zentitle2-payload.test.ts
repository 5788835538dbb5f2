import { describe, expect, it } from 'vitest';
import type { FiredEvent } from '../../../../../src-shared/domain/event.ts';
import { ZENTITLE2_TEST_EVENT } from '../../../../../src-shared/vendors/zentitle2/catalog.ts';
import { zentitle2Profile } from '../../../../../src-main/vendors/zentitle2/zentitle2-profile.ts';
import { retryPolicyFor } from '../../../../../src-main/vendors/vendor-profile.ts';
import { payloadTarget } from '../../../../fixtures/payload-target.ts';

const OP_TIME = Date.UTC(2025, 6, 23, 10, 1, 33, 437);
const target = payloadTarget({ webhookName: 'Z', includeData: false });

function seatEvent(overrides: Partial<FiredEvent> = {}): FiredEvent {
  return {
    id: '5c9d6072-b5bf-4640-8aae-422a52847994',
    vendor: 'zentitle2',
    entity: 'Seat',
    eventName: 'entitlement.seat.deactivated',
    activity: 'entitlement.seat.deactivated',
    entityId: 'act-1',
    requestId: 'req-1',
    opTime: OP_TIME,
    origin: 'synthetic',
    previousState: { activationId: 'act-1', deactivatedAt: null },
    currentState: { activationId: 'act-1', deactivatedAt: '2025-07-23T10:01:33.437Z' },
    createdAt: OP_TIME,
    ...overrides,
  };
}

/** The body as it goes on the wire, read back with JSON.parse. */
const wire = (event: FiredEvent, attempt = 1) => {
  const { headers, body } = zentitle2Profile.buildPayload(event, { ...target, attempt });
  return { headers, body: JSON.parse(body) as Record<string, unknown> };
};

describe('Zentitle2 webhook call body', () => {
  it('is the spec’s envelope, in its order: the event, the try number and the current state', () => {
    const { headers, body } = wire(seatEvent());
    expect(headers).toEqual({ 'content-type': 'application/json' });
    expect(body).toEqual({
      eventId: '5c9d6072-b5bf-4640-8aae-422a52847994',
      eventDate: '2025-07-23T10:01:33.437Z',
      eventCode: 'entitlement.seat.deactivated',
      resourceId: 'act-1',
      callAttempt: 1,
      payload: { activationId: 'act-1', deactivatedAt: '2025-07-23T10:01:33.437Z' },
    });
    expect(Object.keys(body)).toEqual(['eventId', 'eventDate', 'eventCode', 'resourceId', 'callAttempt', 'payload']);
  });

  it('carries the payload whatever the webhook’s Include Data says (Zentitle2 has no such switch)', () => {
    expect(wire(seatEvent()).body.payload).not.toBeNull();
  });

  it('numbers each try: a retry’s body differs from the first only in callAttempt', () => {
    const first = wire(seatEvent(), 1).body;
    const third = wire(seatEvent(), 3).body;
    expect(third).toEqual({ ...first, callAttempt: 3 });
  });

  it('carries the previous state when an event has no current one', () => {
    expect(wire(seatEvent({ currentState: null })).body.payload).toEqual({ activationId: 'act-1', deactivatedAt: null });
  });

  it('"Test": an empty (null) payload, the listener id as resource id, and a policy with no retries', () => {
    const test = seatEvent({
      entity: ZENTITLE2_TEST_EVENT.entity,
      eventName: ZENTITLE2_TEST_EVENT.name,
      activity: ZENTITLE2_TEST_EVENT.name,
      entityId: 'wh-1',
      previousState: null,
      currentState: null,
    });
    expect(wire(test).body).toMatchObject({ eventCode: 'webhook.test', resourceId: 'wh-1', payload: null });
    expect(retryPolicyFor(zentitle2Profile, test)).toEqual({ kind: 'fixed', intervalsMs: [] });
    expect(retryPolicyFor(zentitle2Profile, seatEvent())).toBeNull();
  });
});
