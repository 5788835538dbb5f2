import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { openDatabase } from '../../../../src-main/storage/database.ts';
import { DeliveryRepository, type DeliveryTarget, type OriginRoom } from '../../../../src-main/storage/delivery-repository.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const TARGETS: DeliveryTarget[] = [
  { id: 'w1', name: 'first', endpointUrl: 'http://127.0.0.1:9/one' },
  { id: 'w2', name: 'second', endpointUrl: 'http://127.0.0.1:9/two' },
];

function firedEvent(n: number): FiredEvent {
  return {
    id: `event-${n}`,
    vendor: 'sentinel-ems',
    entity: 'Entitlement',
    eventName: 'Entitlement Added',
    activity: 'Add Entitlement',
    entityId: `entitlement-${n}`,
    requestId: `request-${n}`,
    opTime: 1_000 + n,
    origin: 'api',
    previousState: null,
    currentState: { eId: `entitlement-${n}`, seats: n, nested: { items: [n, `${n}`] } },
    createdAt: 1_000 + n,
  };
}

/** Records a successful try of a claimed delivery, as the dispatcher does. */
function recordSuccess(repository: DeliveryRepository, deliveryId: string, now: number) {
  const request = { method: 'POST', url: 'http://127.0.0.1:9/one', headers: {}, body: '{}' };
  const response = { status: 200, headers: {}, body: '', bodyBytes: 0, bodyTruncated: false };
  const record = {
    deliveryId,
    number: 1,
    round: 1,
    roundTrigger: 'fired' as const,
    scheduledAt: now,
    startedAt: now,
    durationMs: 1,
    request,
    response,
    error: null,
    note: null,
    tokenExchange: null,
  };
  return repository.recordAttempt(record, { status: 'succeeded', nextAttemptAt: null }, now);
}

/** No origin is ever full here: these tests are about which event a claim hands out. */
const UNBOUNDED: OriginRoom = { full: () => [], roomAt: () => Number.POSITIVE_INFINITY };

/** Claims everything due at `now`, as the dispatcher does in its rounds. */
function claimAll(repository: DeliveryRepository, now: number) {
  return repository.claimDue(now, 10_000, UNBOUNDED).map(({ delivery, event }) => ({ deliveryId: delivery.id, webhookId: delivery.webhookId, event }));
}

describe('claims hand out the event each delivery was fired with', () => {
  it('the same event for every delivery of it, as stored, over a backlog longer than the events kept in memory; tries recorded with its names', () => {
    const db = openDatabase(join(tempDir(), 'outbox.sqlite'));
    const repository = new DeliveryRepository(db, createKeyFileSecretBox(dirname(db.name)));
    const events = Array.from({ length: 1_500 }, (_, n) => firedEvent(n));
    db.transaction(() => {
      for (const event of events) repository.insertEventWithDeliveries(event, TARGETS, 2_000);
    })();

    const claimed = claimAll(repository, 2_000);
    expect(claimed).toHaveLength(events.length * TARGETS.length);
    for (const { event } of claimed) expect(event).toEqual(repository.getEvent(event.id));
    expect(new Set(claimed.map(({ event }) => event.id))).toEqual(new Set(events.map((event) => event.id)));
    expect(
      claimed
        .filter(({ event }) => event.id === 'event-7')
        .map(({ webhookId }) => webhookId)
        .sort(),
    ).toEqual(['w1', 'w2']);
    // The first event fired is no longer kept in memory, the last one is.
    for (const { deliveryId, event } of ['event-0', 'event-1499'].map((id) => claimed.find(({ event }) => event.id === id)!)) {
      expect(recordSuccess(repository, deliveryId, 2_001)).toMatchObject({ id: deliveryId, eventName: event.eventName, activity: event.activity });
    }
    db.close();
  });

  it('after a restart, deliveries fired before it are claimed with their events read back from the file', () => {
    const file = join(tempDir(), 'outbox.sqlite');
    const before = openDatabase(file);
    const event = firedEvent(1);
    new DeliveryRepository(before, createKeyFileSecretBox(dirname(before.name))).insertEventWithDeliveries(event, TARGETS.slice(0, 1), 2_000);
    before.close();

    const after = openDatabase(file);
    const repository = new DeliveryRepository(after, createKeyFileSecretBox(dirname(after.name)));
    const [claimed] = repository.claimDue(2_000, 1, UNBOUNDED);
    expect(claimed!.event).toEqual(event);
    expect(recordSuccess(repository, claimed!.delivery.id, 2_001)).toMatchObject({ eventName: event.eventName, activity: event.activity, status: 'succeeded' });
    after.close();
  });

  it('an event whose write was rolled back is never handed out; the retried fire is', () => {
    const db = openDatabase(join(tempDir(), 'outbox.sqlite'));
    const repository = new DeliveryRepository(db, createKeyFileSecretBox(dirname(db.name)));
    const event = firedEvent(3);
    expect(() =>
      db.transaction(() => {
        repository.insertEventWithDeliveries(event, TARGETS.slice(0, 1), 2_000);
        throw new Error('the batch failed');
      })(),
    ).toThrow('the batch failed');
    expect(claimAll(repository, 2_000)).toEqual([]);

    const retried = { ...event, currentState: { seats: 99 } };
    repository.insertEventWithDeliveries(retried, TARGETS.slice(0, 1), 2_000);
    expect(claimAll(repository, 2_000).map((claim) => claim.event)).toEqual([retried]);
    db.close();
  });
});
