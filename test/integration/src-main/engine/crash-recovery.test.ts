import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { HOOKLAB_BIN, runHooklab, spawnNode } from '../../../fixtures/cli-process.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

function deliveryRowsOf(dataDir: string, webhookName: string) {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    return db
      .prepare(
        `SELECT d.id, d.status, (SELECT count(*) FROM attempts a WHERE a.delivery_id = d.id) AS attempts
         FROM deliveries d WHERE d.webhook_name = ?`,
      )
      .all(webhookName) as { id: string; status: string; attempts: number }[];
  } finally {
    db.close();
  }
}

describe('after a crash, unfinished deliveries resume (at-least-once, never lost)', () => {
  it('a delivery in flight when the process was killed is sent again on the next start and succeeds', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    // The first request is held open (the process dies while waiting); later ones are answered.
    const subscriber = await startSubscriber((_request, index, reply) => (index === 0 ? new Promise(() => {}) : reply.code(200).send('ok')));
    const added = await runHooklab(dataDir, ['webhook', 'add', '--name', 'slow subscriber', '--event', 'Entitlement Added', '--url', `${subscriber.url}/hooks`]);
    expect(added.code, added.stderr).toBe(0);

    const fire = spawnNode(HOOKLAB_BIN, ['--data', dataDir, 'fire', '--event', 'Entitlement Added', '--wait']);
    onTestFinished(async () => {
      await fire.stop('SIGKILL');
    });
    await waitFor(() => subscriber.received.length === 1, 'the notification to reach the subscriber');
    await fire.stop('SIGKILL');

    // What the crash left behind: the try in flight, no attempt recorded, the dead owner's file.
    const [interrupted] = deliveryRowsOf(dataDir, 'slow subscriber');
    expect(interrupted).toMatchObject({ status: 'in_progress', attempts: 0 });
    expect(existsSync(join(dataDir, 'owner.json'))).toBe(true);

    const service = await startTestService({ dataDir, receiverPort: undefined });
    const resumed = await waitForDelivery(service.api, interrupted.id, 'succeeded');
    expect(resumed.attempts).toHaveLength(1);
    expect(resumed.attempts[0].response?.status).toBe(200);
    expect(subscriber.received).toHaveLength(2);
    // The same notification both times: a subscriber can drop the duplicate by its eventId.
    const [before, after] = subscriber.received.map((request) => JSON.parse(request.body.toString('utf8')) as { eventId: string });
    expect(after.eventId).toBe(before.eventId);
    expect(after.eventId).toBe(resumed.event.id);
  });

  it('deliveries left in_progress in the database are requeued when the engine starts', async () => {
    const dataDir = tempDir();
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(200).send());
    const first = await startTestService({ dataDir });
    await first.api.createWebhook({ name: 'receiver', events: ['Entitlement Added'], endpointUrl: `${subscriber.url}/hooks` });
    await first.close();
    // Written as a killed engine would have left it: event and delivery in the outbox, claimed, never tried.
    const db = new Database(join(dataDir, DATABASE_FILE));
    const webhook = db.prepare(`SELECT id, endpoint_url FROM webhooks WHERE name = 'receiver'`).get() as { id: string; endpoint_url: string };
    db.prepare(
      `INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, previous_state, current_state, created_at)
       VALUES ('ev-1', 'sentinel-ems', 'Entitlement', 'Entitlement Added', 'Add Entitlement', 'ent-1', 'req-1', 1, 'synthetic', NULL, '{"entitlement":{"id":"ent-1"}}', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, status, attempt_count, next_attempt_at, created_at, updated_at)
       VALUES ('dl-1', 'ev-1', ?, 'receiver', ?, 'in_progress', 0, 1, 1, 1)`,
    ).run(webhook.id, webhook.endpoint_url);
    db.close();

    const second = await startTestService({ dataDir });
    const done = await waitForDelivery(second.api, 'dl-1', 'succeeded');
    expect(done.attempts).toHaveLength(1);
    expect(subscriber.received.map((request) => request.body.toString('utf8'))).toEqual([done.attempts[0].request.body]);
    const body = JSON.parse(done.attempts[0].request.body) as Record<string, string>;
    expect(body).toMatchObject({ eventId: 'ev-1', entityId: 'ent-1', requestId: 'req-1', webhookName: 'receiver' });
  });
});
