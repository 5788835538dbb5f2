import Database from 'better-sqlite3';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import type { CapturesDeleted } from '../../../../src-shared/domain/capture.ts';
import type { CapturesPruned } from '../../../../src-shared/domain/capture-retention.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

async function post(service: AppService, bin: string, path: string, body: string | Buffer = '{}') {
  const response = await request(`${service.info.receiverUrl}/r/${bin}${path}`, { method: 'POST', body });
  await response.body.dump();
  expect(response.statusCode).toBe(200);
}

function announcements(service: AppService): CapturesPruned[] {
  const seen: CapturesPruned[] = [];
  service.api.onCapturesPruned((pruned) => seen.push(pruned));
  return seen;
}

const paths = async (service: AppService, bin?: string) => (await service.api.listCaptures({ bin })).map((capture) => capture.path);

describe('capture retention', () => {
  it('defaults to 10,000 captures and 512 MiB, with nothing stored or pruned yet', async () => {
    const service = await startTestService();
    expect(await service.api.getCaptureRetention()).toEqual({
      maxCount: 10_000,
      maxBytes: 512 * 1024 * 1024,
      storedCount: 0,
      storedBytes: 0,
      prunedCount: 0,
      prunedBytes: 0,
    });
  });

  it('over the count limit, the oldest captures are pruned in the same write, announced and counted', async () => {
    const service = await startTestService();
    const seen = announcements(service);
    await service.api.setCaptureRetention({ maxCount: 3 });
    for (const n of [1, 2, 3, 4, 5]) await post(service, n % 2 ? 'odd' : 'even', `/${n}`);
    expect(await paths(service)).toEqual(['/5', '/4', '/3']);
    expect(seen.map(({ count, exceeded, cause }) => ({ count, exceeded, cause }))).toEqual([
      { count: 1, exceeded: ['maxCount'], cause: 'capture' },
      { count: 1, exceeded: ['maxCount'], cause: 'capture' },
    ]);
    const retention = await service.api.getCaptureRetention();
    expect(retention).toMatchObject({ maxCount: 3, storedCount: 3, prunedCount: 2 });
    expect(seen[1].retention).toEqual(retention);
    expect(retention.prunedBytes).toBe(seen[0].bytes + seen[1].bytes);
    // Bins outlive their captures; their counts follow.
    expect((await service.api.listBins()).map((bin) => [bin.name, bin.captureCount])).toEqual([
      ['odd', 2],
      ['even', 1],
    ]);
  });

  it('a limit of 100 or more is met with a margin of 1% of it, so a busy receiver prunes once per hundredth of its limit', async () => {
    const service = await startTestService();
    const seen = announcements(service);
    await service.api.setCaptureRetention({ maxCount: 200 });
    for (let n = 1; n <= 204; n += 1) await post(service, 'busy', `/${n}`);
    // The 201st capture pruned the 3 oldest (down to 198, 2 under the limit); the next two fit;
    // the 204th pruned 3 more.
    expect(seen.map(({ count, exceeded, cause }) => ({ count, exceeded, cause }))).toEqual([
      { count: 3, exceeded: ['maxCount'], cause: 'capture' },
      { count: 3, exceeded: ['maxCount'], cause: 'capture' },
    ]);
    expect(await service.api.getCaptureRetention()).toMatchObject({ maxCount: 200, storedCount: 198, prunedCount: 6 });
    const kept = await paths(service, 'busy');
    expect([kept.at(0), kept.at(-1), kept.length]).toEqual(['/204', '/7', 198]);
    // A lowered limit is met exactly, with no margin.
    await service.api.setCaptureRetention({ maxCount: 150 });
    expect(await service.api.getCaptureRetention()).toMatchObject({ storedCount: 150, prunedCount: 54 });
  });

  it('over the size limit, as many of the oldest go as it takes, and the pruned bytes are what they weighed', async () => {
    const service = await startTestService();
    const seen = announcements(service);
    await service.api.setCaptureRetention({ maxBytes: 1024 * 1024 });
    const body = Buffer.alloc(300 * 1024, 'b');
    for (const n of [1, 2, 3]) await post(service, 'sized', `/${n}`, body);
    expect(seen).toEqual([]);
    await post(service, 'sized', '/4', Buffer.alloc(700 * 1024, 'c'));
    expect(await paths(service)).toEqual(['/4', '/3']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ count: 2, exceeded: ['maxBytes'], cause: 'capture' });
    expect(seen[0].bytes).toBeGreaterThan(2 * body.length);
    const retention = await service.api.getCaptureRetention();
    expect(retention.storedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(retention.storedBytes).toBeGreaterThan(1000 * 1024);
    expect(retention.prunedBytes).toBe(seen[0].bytes);
  });

  it('lowering a limit prunes at once, announced as such; the limits and the counter survive a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ dataDir });
    const seen = announcements(first);
    for (const n of [1, 2, 3, 4]) await post(first, 'b', `/${n}`);
    const lowered = await first.api.setCaptureRetention({ maxCount: 1 });
    expect(lowered).toMatchObject({ maxCount: 1, maxBytes: 512 * 1024 * 1024, storedCount: 1, prunedCount: 3 });
    expect(seen.map(({ count, cause }) => ({ count, cause }))).toEqual([{ count: 3, cause: 'limits-lowered' }]);
    expect(await paths(first)).toEqual(['/4']);
    await first.close();

    const second = await startTestService({ dataDir });
    expect(await second.api.getCaptureRetention()).toEqual(lowered);
  });

  it('bad limits are refused naming the field and the rule, and change nothing', async () => {
    const service = await startTestService();
    const cases = [
      [{ maxCount: 0 }, 'maxCount', 'must be from 1 to 1000000'],
      [{ maxCount: 2.5 }, 'maxCount', 'must be a whole number'],
      [{ maxBytes: 1000 }, 'maxBytes', 'must be from 1048576 (1 MiB) to 68719476736 (64 GiB)'],
      [{ maxBytes: 'lots' }, 'maxBytes', 'must be a number'],
      [{ maxCount: 5, keepDays: 3 }, '', 'unknown field(s): keepDays'],
    ] as const;
    for (const [input, path, message] of cases) {
      const error = await rejection(service.api.setCaptureRetention(input as never));
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual({ issues: [{ path, message }] });
    }
    expect(await service.api.getCaptureRetention()).toMatchObject({ maxCount: 10_000, maxBytes: 512 * 1024 * 1024 });
  });

  it('an import over the count limit prunes the oldest too; an entry over the size limit imports nothing', async () => {
    const service = await startTestService();
    const seen = announcements(service);
    await service.api.setCaptureRetention({ maxCount: 2, maxBytes: 1024 * 1024 });
    await post(service, 'live', '/first');
    const entry = (path: string, text: string) => ({ method: 'POST', path, headers: {}, body: { encoding: 'utf8', text } });
    await service.api.importCaptures({ bin: 'imported', text: JSON.stringify([entry('/a', '{}'), entry('/b', '{}')]) });
    expect(await paths(service)).toEqual(expect.arrayContaining(['/a', '/b']));
    expect(seen).toMatchObject([{ count: 1, cause: 'capture' }]);

    const huge = entry('/huge', 'h'.repeat(1024 * 1024));
    const error = await rejection(service.api.importCaptures({ bin: 'imported', text: JSON.stringify([entry('/c', '{}'), huge]) }));
    expect(error.message).toMatch(/^text: \[1\]: \d+ bytes with its headers, over the capture size limit \(1048576 bytes\)$/);
    expect(await service.api.getCaptureRetention()).toMatchObject({ storedCount: 2, prunedCount: 1 });
  });

  it('a file with more requests than the count limit keeps its newest; only those are announced and returned', async () => {
    const service = await startTestService();
    const seen = announcements(service);
    const received: string[] = [];
    service.api.onCaptureReceived((capture) => received.push(capture.path));
    await service.api.setCaptureRetention({ maxCount: 2, maxBytes: 1024 * 1024 });
    const entries = ['/a', '/b', '/c', '/d', '/e'].map((path) => ({ method: 'POST', path, headers: {}, body: { encoding: 'utf8', text: '{}' } }));

    const imported = await service.api.importCaptures({ bin: 'imported', text: JSON.stringify(entries) });
    expect(imported.captures.map((capture) => capture.path)).toEqual(['/d', '/e']);
    expect(received.sort()).toEqual(['/d', '/e']);
    expect(await paths(service)).toEqual(expect.arrayContaining(['/d', '/e']));
    expect(seen).toMatchObject([{ count: 3, cause: 'capture' }]);
  });
});

describe('deleting captures', () => {
  it('deleteCapture removes one capture; it can no longer be read, and an unknown id is not found', async () => {
    const service = await startTestService();
    const deleted: CapturesDeleted[] = [];
    service.api.onCapturesDeleted((event) => deleted.push(event));
    await post(service, 'b', '/keep');
    await post(service, 'b', '/drop');
    const [drop] = await service.api.listCaptures({ bin: 'b' });
    expect(await service.api.deleteCapture({ id: drop.id })).toEqual({ id: drop.id });
    expect(deleted).toEqual([{ bin: 'b', captureId: drop.id, count: 1 }]);
    expect(await paths(service, 'b')).toEqual(['/keep']);
    expect((await rejection(service.api.getCapture({ id: drop.id }))).code).toBe('not_found');
    expect(await rejection(service.api.deleteCapture({ id: drop.id }))).toMatchObject({ code: 'not_found', message: `No capture has id "${drop.id}"` });
    // Deleting by hand frees room but is not pruning.
    expect(await service.api.getCaptureRetention()).toMatchObject({ storedCount: 1, prunedCount: 0 });
  });

  it('clearBin deletes every capture of that bin only; the bin and its script stay', async () => {
    const service = await startTestService();
    const deleted: CapturesDeleted[] = [];
    service.api.onCapturesDeleted((event) => deleted.push(event));
    await service.api.setBinScript({ bin: 'noisy', script: { body: 'noted' } });
    for (const n of [1, 2, 3]) await post(service, 'noisy', `/${n}`);
    await post(service, 'quiet', '/q');
    expect(await service.api.clearBin({ bin: 'noisy' })).toEqual({ bin: 'noisy', deleted: 3 });
    expect(await paths(service)).toEqual(['/q']);
    expect((await service.api.listBins()).map((bin) => [bin.name, bin.captureCount, bin.script.body])).toEqual([
      ['noisy', 0, 'noted'],
      ['quiet', 1, null],
    ]);
    expect(await service.api.clearBin({ bin: 'noisy' })).toEqual({ bin: 'noisy', deleted: 0 });
    expect(deleted).toEqual([
      { bin: 'noisy', captureId: null, count: 3 },
      { bin: 'noisy', captureId: null, count: 0 },
    ]);
    expect(await rejection(service.api.clearBin({ bin: 'ghost' }))).toMatchObject({ code: 'not_found', message: 'No bin is named "ghost"' });
    expect(await rejection(service.api.clearBin({ bin: '../x' }))).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'bin' }] } });
    expect(await service.api.getCaptureRetention()).toMatchObject({ storedCount: 1, prunedCount: 0 });
  });

  it('a capture replayed and then deleted leaves its replay event intact', async () => {
    const service = await startTestService();
    await post(service, 'src', '/orig');
    const [capture] = await service.api.listCaptures({ bin: 'src' });
    const replayed = await service.api.replay({
      source: { kind: 'capture', id: capture.id },
      target: { kind: 'url', url: `${service.info.receiverUrl}/r/dst` },
    });
    await service.api.deleteCapture({ id: capture.id });
    const { event } = await service.api.getDelivery({ id: replayed.delivery.id });
    expect(event.replay).toMatchObject({ source: { kind: 'capture', id: capture.id }, request: { method: 'POST' } });
  });
});

/** Back to how version 11 left a workspace: no stored size, no totals (nor the sealed columns of 13, nor 15's check runs, 16's skips or 17's token exchanges). */
function rollBackToVersion11(dataDir: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.exec(`DROP TRIGGER captures_totals_insert; DROP TRIGGER captures_totals_delete; DROP TABLE capture_totals;
           ALTER TABLE captures DROP COLUMN stored_bytes;
           ALTER TABLE attempts DROP COLUMN request_headers_sealed; ALTER TABLE attempts DROP COLUMN response_headers_sealed;
           ALTER TABLE captures DROP COLUMN headers_sealed; ALTER TABLE events DROP COLUMN replay_headers_sealed;
           ALTER TABLE bin_scripts DROP COLUMN secrets; DROP TABLE endpoint_check_cases; DROP TABLE endpoint_check_runs; DROP TABLE event_skips;
           ALTER TABLE attempts DROP COLUMN token_exchange;
           PRAGMA user_version = 11;`);
  db.close();
}

describe('capture totals migration', () => {
  it('a workspace with captures from before retention existed starts with their exact count and size', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ dataDir });
    await post(first, 'old', '/1', 'x'.repeat(100));
    await post(first, 'old', '/2', 'y'.repeat(200));
    const expected = await first.api.getCaptureRetention();
    await first.close();
    rollBackToVersion11(dataDir);
    const second = await startTestService({ dataDir });
    expect(await second.api.getCaptureRetention()).toEqual(expected);
    expect(expected).toMatchObject({ storedCount: 2 });
    expect(expected.storedBytes).toBeGreaterThan(300);
  });

  it('a workspace holding more than the default limits keeps every capture after the upgrade: its limits grow to what it holds', async () => {
    const dataDir = tempDir();
    const first = await startTestService({ dataDir });
    await post(first, 'old', '/seed', 'x'.repeat(100));
    await first.close();
    // 12,000 captures, as a busy workspace of the previous Hooklab may hold, then back to version 11.
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.exec(`INSERT INTO captures (id, bin, method, path, query, headers, body, content_type, remote_address, reply_status, reply_mode, received_at)
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 11999)
             SELECT 'old-' || i, bin, method, '/' || i, query, headers, body, content_type, remote_address, reply_status, reply_mode, received_at + i
             FROM captures, n`);
    db.close();
    rollBackToVersion11(dataDir);

    const upgraded = await startTestService({ dataDir });
    const seen = announcements(upgraded);
    expect(await upgraded.api.getCaptureRetention()).toMatchObject({ maxCount: 12_000, storedCount: 12_000, prunedCount: 0 });
    await post(upgraded, 'old', '/after-upgrade');
    // Over by the one new capture: it and the 1% margin of the oldest go (121), announced; the rest stay.
    expect(await upgraded.api.getCaptureRetention()).toMatchObject({ storedCount: 11_880, prunedCount: 121 });
    expect(seen).toHaveLength(1);
  });
});
