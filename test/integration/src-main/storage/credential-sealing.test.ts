import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { sealPlainCredentials } from '../../../../src-main/storage/credential-sealing.ts';
import { DATABASE_FILE, openDatabase } from '../../../../src-main/storage/database.ts';
import { migrations } from '../../../../src-main/storage/migrations.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { basicAuthorization } from '../../../fixtures/basic-auth.ts';
import { secretsInDatabase, secretsOnDisk } from '../../../fixtures/data-dir-scan.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const password = 'open-sesame-4f1c9a2e';
const token = 'tok-8d2b7e61c0a94f35';
const cookie = 'sid-3a9e5c7b1d2f4860';
const signingSecret = 'whsec_c2VhbGVkLWF0LXJlc3QtYnktbWlncmF0aW9uLTEz';
const authorization = basicAuthorization('alice', password);
const replayHeaders = { 'content-type': 'application/json', authorization };
const attemptHeaders = { 'content-type': 'application/json', authorization, 'webhook-signature': 'v1,abc=' };
const RETRIES = 300;

/** A data directory as Hooklab left it before migration 13: credentials in plain text in every place that held them. */
function oldWorkspace(): string {
  const dataDir = tempDir();
  const db = openDatabase(
    join(dataDir, DATABASE_FILE),
    migrations.filter((migration) => migration.version <= 10),
  );
  db.exec(`
    INSERT INTO events (id, vendor, entity, event_name, activity, entity_id, request_id, op_time, origin, created_at, replay_of, replay)
    VALUES ('e1', 'sentinel-ems', 'Entitlement', 'Entitlement Added', 'Add Entitlement', 'ent-1', 'req-1', 1, 'replay', 1, 'c1',
      '${JSON.stringify({ source: { kind: 'capture', id: 'c1' }, mode: 'exact', request: { method: 'POST', headers: replayHeaders, body: '{}' } })}');
    INSERT INTO deliveries (id, event_id, webhook_id, webhook_name, endpoint_url, status, attempt_count, last_status_code, created_at, updated_at)
    VALUES ('d1', 'e1', '', '', 'http://127.0.0.1:9/hooks', 'succeeded', 1, 200, 1, 1);
    INSERT INTO attempts (id, delivery_id, number, scheduled_at, started_at, duration_ms, request_method, request_url, request_headers,
      request_body, response_status, response_headers, response_body)
    VALUES ('a1', 'd1', 1, 1, 1, 3, 'POST', 'http://127.0.0.1:9/hooks', '${JSON.stringify(attemptHeaders)}', '{}', 200,
      '${JSON.stringify({ 'set-cookie': `session=${cookie}` })}', 'ok');
    INSERT INTO bins (name, created_at) VALUES ('guarded', 1);
    INSERT INTO captures (id, bin, method, path, query, headers, body, remote_address, reply_status, received_at)
    VALUES ('c1', 'guarded', 'POST', '/r/guarded', '', '${JSON.stringify({ authorization: `Bearer ${token}`, 'x-trace': 'plain' })}', x'7b7d',
      '127.0.0.1', 200, 1);
    INSERT INTO bin_scripts (bin, script, updated_at)
    VALUES ('guarded', '${JSON.stringify({ expectedAuth: { kind: 'basic', username: 'alice', password }, signingSecrets: [signingSecret] })}', 1);
  `);
  // Pages full of rows of many sizes, as a used workspace has: the sealed rows move, and their old
  // text stays behind in free space unless the file is rebuilt.
  const retry = db.prepare(`INSERT INTO attempts (id, delivery_id, number, scheduled_at, started_at, duration_ms, request_method, request_url,
      request_headers, request_body, response_status, response_headers, response_body) VALUES (?, 'd1', ?, 1, 1, 3, 'POST', 'http://127.0.0.1:9/hooks', ?, ?, 200, '{}', 'ok')`);
  for (let number = 2; number <= RETRIES + 1; number += 1) {
    retry.run(`a${number}`, number, JSON.stringify(attemptHeaders), 'x'.repeat((number * 7) % 900));
  }
  db.close();
  return dataDir;
}

const secrets = { password, 'Basic user:password': `alice:${password}`, token, cookie, signingSecret: signingSecret.slice('whsec_'.length) };

describe('credentials an earlier Hooklab stored in plain text', () => {
  it('are sealed when the upgraded workspace opens, once; the API shows them unchanged and no file holds them any more', async () => {
    const dataDir = oldWorkspace();
    expect(secretsInDatabase(join(dataDir, DATABASE_FILE), secrets)).not.toEqual([]);

    const upgraded = await startTestService({ dataDir });
    // The first attempt's request and response headers, the retries', the capture's, the replay's and the bin script.
    expect(upgraded.warnings).toContain(`Sealed the credentials an earlier Hooklab stored in plain text (${RETRIES + 5} stored header sets and bin scripts).`);
    const detail = await upgraded.api.getDelivery({ id: 'd1' });
    expect(detail.attempts[0].request.headers).toEqual(attemptHeaders);
    expect(Object.keys(detail.attempts[0].request.headers)).toEqual(Object.keys(attemptHeaders));
    expect(detail.attempts[0].response?.headers).toEqual({ 'set-cookie': `session=${cookie}` });
    expect(detail.event.replay?.request.headers).toEqual(replayHeaders);
    expect((await upgraded.api.getCapture({ id: 'c1' })).headers).toEqual({ authorization: `Bearer ${token}`, 'x-trace': 'plain' });
    expect(await upgraded.api.getBinScript({ bin: 'guarded' })).toMatchObject({
      expectedAuth: { kind: 'basic', username: 'alice', password },
      signingSecrets: [signingSecret],
    });
    await upgraded.close();
    // Rebuilt, not just updated: the old text is gone from free pages and the WAL too.
    expect(secretsOnDisk(dataDir, secrets)).toEqual([]);
    expect(secretsInDatabase(join(dataDir, DATABASE_FILE), secrets)).toEqual([]);

    const reopened = await startTestService({ dataDir });
    expect(reopened.warnings.filter((warning) => warning.startsWith('Sealed'))).toEqual([]);
    expect((await reopened.api.getDelivery({ id: 'd1' })).attempts[0].request.headers).toEqual(attemptHeaders);
    expect((await reopened.api.getCapture({ id: 'c1' })).headers.authorization).toBe(`Bearer ${token}`);
  });

  it('a stop between sealing and the rebuild is finished at the next open: no old text is left in free pages', async () => {
    const dataDir = oldWorkspace();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    const stop = new Error('the process stops here');
    expect(() =>
      sealPlainCredentials(db, createKeyFileSecretBox(dataDir), () => {
        throw stop;
      }),
    ).toThrow(stop);
    db.close();
    // Sealed in the rows, yet the old text still lies in the file's free pages.
    expect(secretsOnDisk(dataDir, secrets)).not.toEqual([]);

    const reopened = await startTestService({ dataDir });
    expect((await reopened.api.getCapture({ id: 'c1' })).headers.authorization).toBe(`Bearer ${token}`);
    await reopened.close();
    expect(secretsOnDisk(dataDir, secrets)).toEqual([]);
    expect(secretsInDatabase(join(dataDir, DATABASE_FILE), secrets)).toEqual([]);
  });

  it('a bin script holding a reply header that HTTP forbids (let in by an earlier Hooklab) does not stop the workspace from opening', async () => {
    const dataDir = oldWorkspace();
    const db = new Database(join(dataDir, DATABASE_FILE));
    const legacy = { expectedAuth: { kind: 'basic', username: 'bob', password }, headers: { 'content-length': '0', 'x-ok': '✓', 'x-keep': 'yes' } };
    db.prepare(`INSERT INTO bins (name, created_at) VALUES ('legacy', 1)`).run();
    db.prepare(`INSERT INTO bin_scripts (bin, script, updated_at) VALUES ('legacy', ?, 1)`).run(JSON.stringify(legacy));
    db.close();

    const upgraded = await startTestService({ dataDir });
    expect(await upgraded.api.getBinScript({ bin: 'legacy' })).toMatchObject({
      expectedAuth: { kind: 'basic', username: 'bob', password },
      headers: { 'x-keep': 'yes' },
    });
    await upgraded.close();
    expect(secretsOnDisk(dataDir, { password })).toEqual([]);
  });
});
