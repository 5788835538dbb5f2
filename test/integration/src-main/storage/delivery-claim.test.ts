import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { OriginSlots } from '../../../../src-main/engine/origin-slots.ts';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { DATABASE_FILE, openDatabase } from '../../../../src-main/storage/database.ts';
import { DeliveryRepository, type DeliveryTarget } from '../../../../src-main/storage/delivery-repository.ts';
import { migrations } from '../../../../src-main/storage/migrations.ts';
import { WebhookRepository } from '../../../../src-main/storage/webhook-repository.ts';
import { webhookInputSchema } from '../../../../src-shared/domain/webhook.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const SLOW = 'http://127.0.0.1:7001';
const OTHER = 'http://127.0.0.1:7002';

function openRepository(file = join(tempDir(), DATABASE_FILE)) {
  const db = openDatabase(file);
  onTestFinished(() => void db.close());
  return { db, deliveries: new DeliveryRepository(db, createKeyFileSecretBox(dirname(file))) };
}

function event(at: number): FiredEvent {
  return {
    id: randomUUID(),
    vendor: 'sentinel-ems',
    entity: 'Entitlement',
    eventName: 'Entitlement Added',
    activity: 'Add Entitlement',
    entityId: 'E-1',
    requestId: randomUUID(),
    opTime: at,
    origin: 'synthetic',
    previousState: null,
    currentState: null,
    createdAt: at,
  };
}

const to = (origin: string): DeliveryTarget => ({ id: `w-${origin}`, name: origin, endpointUrl: `${origin}/hooks/x` });

/** `count` deliveries to `origin`, due at `at`, `at + 1`, … (one event each). */
function fire(deliveries: DeliveryRepository, origin: string, count: number, at: number): string[] {
  return Array.from({ length: count }, (_, n) => deliveries.insertEventWithDeliveries(event(at + n), [to(origin)], at + n)[0].id);
}

/** A data file as a Hooklab with migrations up to `version` left it, and the rows `sql` writes. */
function fileBeforeMigration(version: number, sql: string): string {
  const file = join(tempDir(), DATABASE_FILE);
  const before = openDatabase(
    file,
    migrations.filter((migration) => migration.version < version),
  );
  before.exec(sql);
  before.close();
  return file;
}

const origins = (claimed: { origin: string }[]) => claimed.map((work) => work.origin);

describe('claimDue bounds the tries per endpoint origin (real SQLite)', () => {
  it('passes over the due deliveries of a full origin and claims those of other origins behind them', () => {
    const { deliveries } = openRepository();
    const waiting = fire(deliveries, SLOW, 50, 1_000);
    const [healthy] = fire(deliveries, OTHER, 1, 2_000);
    const slots = new OriginSlots(8);
    for (let n = 0; n < 8; n += 1) slots.take(SLOW);

    const claimed = deliveries.claimDue(10_000, 32, slots);
    expect(claimed.map((work) => work.delivery.id)).toEqual([healthy]);
    expect(origins(claimed)).toEqual([OTHER]);
    // The passed-over deliveries stay due and unclaimed.
    expect(deliveries.getDelivery(waiting[0])).toMatchObject({ status: 'pending', nextAttemptAt: 1_000 });
    expect(deliveries.nextDueAt([SLOW])).toBeNull();
    expect(deliveries.nextDueAt()).toBe(1_000);
  });

  it('gives an origin no more than its room within one claim, and the rest of the claim to others, in due order', () => {
    const { deliveries } = openRepository();
    const slow = fire(deliveries, SLOW, 20, 1_000);
    const other = fire(deliveries, OTHER, 3, 5_000);
    const slots = new OriginSlots(8);
    for (let n = 0; n < 5; n += 1) slots.take(SLOW);

    const claimed = deliveries.claimDue(10_000, 32, slots);
    expect(claimed.map((work) => work.delivery.id)).toEqual([...slow.slice(0, 3), ...other]);
    expect(claimed.every((work) => work.delivery.status === 'in_progress')).toBe(true);
    // As the dispatcher does: the claimed tries now hold their origins' slots.
    for (const work of claimed) slots.take(work.origin);
    expect(deliveries.claimDue(10_000, 32, slots)).toEqual([]);
  });

  it('with nothing full, claims in due order up to the limit, as before', () => {
    const { deliveries } = openRepository();
    fire(deliveries, SLOW, 4, 1_000);
    fire(deliveries, OTHER, 4, 1_002);
    const claimed = deliveries.claimDue(10_000, 5, new OriginSlots(8));
    expect(claimed.map((work) => work.delivery.nextAttemptAt)).toEqual([1_000, 1_001, 1_002, 1_002, 1_003]);
  });
});

describe('a webhook whose URL changes', () => {
  it('takes its waiting deliveries along: they count against the new origin, and one already in flight stays as sent', () => {
    const { db, deliveries } = openRepository();
    const webhooks = new WebhookRepository(db);
    const draft = webhookInputSchema.parse({ name: 'moving', events: ['Entitlement Added'], endpointUrl: `${SLOW}/hooks/x` });
    const webhook = webhooks.insert(draft, 1_000);
    const target: DeliveryTarget = { id: webhook.id, name: webhook.name, endpointUrl: webhook.endpointUrl };
    const ids = [0, 1, 2].map((n) => deliveries.insertEventWithDeliveries(event(1_000 + n), [target], 1_000 + n)[0].id);
    const [inFlight] = deliveries.claimDue(10_000, 1, new OriginSlots(8));

    webhooks.update(webhook.id, { ...draft, endpointUrl: `${OTHER}/hooks/y` }, 2_000);
    expect(deliveries.getDelivery(inFlight.delivery.id)).toMatchObject({ endpointUrl: `${SLOW}/hooks/x` });
    expect(deliveries.getDelivery(ids[2])).toMatchObject({ endpointUrl: `${OTHER}/hooks/y` });
    const slots = new OriginSlots(8);
    for (let n = 0; n < 8; n += 1) slots.take(OTHER);
    // The new origin is full: nothing waiting may go, whatever the old origin's room.
    expect(deliveries.claimDue(10_000, 32, slots)).toEqual([]);
    expect(origins(deliveries.claimDue(10_000, 32, new OriginSlots(8)))).toEqual([OTHER, OTHER]);
  });
});

describe('migration 11', () => {
  it('gives deliveries made before it the origin of their endpoint URL', () => {
    const file = fileBeforeMigration(
      11,
      `
      INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, created_at)
        VALUES ('e', 'sentinel-ems', 'Entitlement', 'Entitlement Added', 'Add Entitlement', 'E', 'r', 0, 'synthetic', 0);
      INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, status, attempt_count, next_attempt_at, created_at, updated_at)
        VALUES ('a', 'e', 'w', 'w', 'http://127.0.0.1:7001/hooks/x?y=1', 'pending', 0, 0, 0, 0),
               ('b', 'e', 'w', 'w', 'https://Example.COM', 'pending', 0, 0, 0, 0);
    `,
    );
    const { db } = openRepository(file);
    expect(db.prepare('SELECT id, endpoint_origin FROM deliveries ORDER BY id').all()).toEqual([
      { id: 'a', endpoint_origin: SLOW },
      { id: 'b', endpoint_origin: 'https://example.com' },
    ]);
  });
});

describe('migration 14', () => {
  it('keeps the due deliveries of an earlier workspace due, in due order, and leaves out the others', () => {
    const file = fileBeforeMigration(
      14,
      `
      INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, created_at)
        VALUES ('e', 'sentinel-ems', 'Entitlement', 'Entitlement Added', 'Add Entitlement', 'E', 'r', 0, 'synthetic', 0);
      INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, endpoint_origin, status, attempt_count, next_attempt_at, created_at, updated_at)
        VALUES ('retry-due', 'e', 'w', 'w', '${SLOW}/x', '${SLOW}', 'retrying', 1, 500, 0, 0),
               ('pending', 'e', 'w', 'w', '${SLOW}/x', '${SLOW}', 'pending', 0, 700, 1, 1),
               ('retry-later', 'e', 'w', 'w', '${SLOW}/x', '${SLOW}', 'retrying', 1, 90000, 2, 2),
               ('done', 'e', 'w', 'w', '${SLOW}/x', '${SLOW}', 'succeeded', 1, 100, 3, 3),
               ('gave-up', 'e', 'w', 'w', '${SLOW}/x', '${SLOW}', 'failed', 3, 100, 4, 4);
    `,
    );
    const { db, deliveries } = openRepository(file);
    const dueQueue = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'deliveries_due'").get() as { sql: string };
    expect(dueQueue.sql).toMatch(/WHERE status IN \('pending', 'retrying'\)/);

    expect(deliveries.nextDueAt()).toBe(500);
    expect(deliveries.claimDue(10_000, 32, new OriginSlots(8)).map((work) => work.delivery.id)).toEqual(['retry-due', 'pending']);
    expect(deliveries.nextDueAt()).toBe(90_000);
    expect(deliveries.claimDue(10_000, 32, new OriginSlots(8))).toEqual([]);
    expect(deliveries.getDelivery('retry-later')).toMatchObject({ status: 'retrying', nextAttemptAt: 90_000 });
  });
});
