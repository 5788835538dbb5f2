import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bin } from '../../../../src-shared/domain/capture.ts';
import type { BulkResult, DeliveryDetail, DeliveryPage, DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { DeliveryRules } from '../../../../src-shared/domain/delivery-rules.ts';
import type { FiredEvent } from '../../../../src-shared/domain/event.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { childEnv, HOOKLAB_BIN, runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

type FireOutput = { event: FiredEvent; deliveries: DeliverySummary[]; timedOut: boolean };

const ids = (deliveries: DeliverySummary[]) => deliveries.map((delivery) => delivery.id).sort();
const byWebhook = (fired: FireOutput, name: string) => fired.deliveries.find((delivery) => delivery.webhookName === name)!;

/**
 * One workspace for the searches and then the operations on them: two fires, each delivered
 * to the demo webhook (succeeds) and to two webhooks at a bin answering 500 with a custom
 * policy of one retry after 1 s (each fails after 2 tries).
 */
describe('hooklab deliveries on a workspace with succeeded and failed deliveries', () => {
  let dataDir: string;
  let fires: FireOutput[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hooklab-test-'));
    expect((await runHooklab(dataDir, ['bins', 'script', 'flaky', '--status', '500'])).code).toBe(0);
    const [bin] = await runHooklabJson<Bin[]>(dataDir, ['bins', 'list']);
    for (const name of ['flaky-a', 'flaky-b']) {
      await runHooklabJson<Webhook>(dataDir, [
        'webhook',
        'add',
        '--name',
        name,
        '--event',
        'Entitlement Added',
        '--url',
        `${bin.url}/${name}`,
        '--retry',
        'fixed:1s',
      ]);
    }
    fires = [];
    for (let i = 0; i < 2; i++) fires.push(await runHooklabJson<FireOutput>(dataDir, ['fire', '--event', 'Entitlement Added', '--wait'], 1));
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }));

  const list = (args: string[]) => runHooklabJson<DeliveryPage>(dataDir, ['deliveries', 'list', ...args]);

  it('list searches by status, webhook (name or id), vendor, event and time range, and pages', { timeout: 60_000 }, async () => {
    const [first, second] = fires;
    const all = await list([]);
    expect(all.total).toBe(6);
    expect(ids(all.deliveries)).toEqual(ids([...first.deliveries, ...second.deliveries]));

    const failed = await list(['--status', 'failed']);
    expect(failed.total).toBe(4);
    // The custom policy: the first try and exactly one retry.
    expect(failed.deliveries.map((d) => [d.status, d.attemptCount, d.lastStatusCode])).toEqual(Array(4).fill(['failed', 2, 500]));

    const toA = await list(['--webhook', 'flaky-a', '--status', 'failed,succeeded']);
    expect(ids(toA.deliveries)).toEqual(ids([byWebhook(first, 'flaky-a'), byWebhook(second, 'flaky-a')]));
    expect(ids((await list(['--event', first.event.id])).deliveries)).toEqual(ids(first.deliveries));

    const secondAt = second.deliveries[0].createdAt;
    expect(ids((await list(['--from', new Date(secondAt).toISOString()])).deliveries)).toEqual(ids(second.deliveries));
    expect(ids((await list(['--to', String(secondAt)])).deliveries)).toEqual(ids(first.deliveries));

    const table = await runHooklab(dataDir, ['deliveries', 'list', '--limit', '4']);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +STATUS +EVENT +WEBHOOK +ATTEMPTS +HTTP +CREATED$/);
    expect(lines.slice(1, -1)).toHaveLength(4);
    expect(lines.at(-1)).toBe('showing 1–4 of 6');
    const lastPage = await list(['--offset', '4', '--limit', '4']);
    expect(lastPage).toMatchObject({ total: 6, offset: 4 });
    expect(ids(lastPage.deliveries)).toEqual(ids(all.deliveries.slice(4)));

    expect((await runHooklab(dataDir, ['deliveries', 'list', '--offset', '9'])).stdout).toBe('showing none of 6 (--offset 9 is past the end)\n');
    expect((await runHooklab(dataDir, ['deliveries', 'list', '--from', '2000-01-01', '--to', '2000-01-02T00:00'])).stdout).toBe('No deliveries match.\n');

    // --vendor: the vendor's webhooks (every one here is Sentinel EMS's), with the other options.
    expect((await list(['--vendor', 'sentinel-ems', '--status', 'failed'])).total).toBe(4);
    expect((await runHooklab(dataDir, ['deliveries', 'list', '--vendor', 'zentitle2'])).stdout).toBe('No deliveries match.\n');
    const both = await runHooklab(dataDir, ['deliveries', 'list', '--vendor', 'flexnet', '--webhook', 'flaky-a']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('give --webhook or --vendor, not both')]);
    expect((await runHooklab(dataDir, ['deliveries', 'list', '--vendor', 'acme'])).code).toBe(2);
  });

  it('retry and mark-successful act on failed ones by id or by search and skip the rest; redeliver sends a succeeded one again', {
    timeout: 90_000,
  }, async () => {
    const [first, second] = fires;
    expect((await runHooklab(dataDir, ['bins', 'script', 'flaky', '--reset'])).code).toBe(0);

    const retried = await runHooklabJson<BulkResult>(dataDir, [
      'deliveries',
      'retry',
      byWebhook(first, 'flaky-a').id,
      byWebhook(first, 'Demo - Entitlement Added').id,
    ]);
    expect(retried).toMatchObject({ operation: 'retry', matched: 2, changed: 1, skipped: 1 });
    expect(retried.skippedReason).toMatch(/only failed deliveries can be retried/);
    const detail = await runHooklabJson<DeliveryDetail>(dataDir, ['deliveries', 'show', byWebhook(first, 'flaky-a').id]);
    expect(detail.delivery.status).toBe('succeeded');
    expect(detail.attempts.map((a) => [a.number, a.round, a.roundTrigger, a.response?.status])).toEqual([
      [1, 1, 'fired', 500],
      [2, 1, 'fired', 500],
      [3, 2, 'manual_retry', 200],
    ]);

    const byFilter = await runHooklab(dataDir, ['deliveries', 'retry', '--event', first.event.id, '--status', 'failed']);
    expect(byFilter).toEqual({ code: 0, stdout: 'Retried 1 delivery\n', stderr: '' });

    const marked = await runHooklab(dataDir, ['deliveries', 'mark-successful', byWebhook(second, 'flaky-b').id, 'no-such-delivery']);
    expect(marked.stdout).toMatch(/^Marked 1 delivery successful; 1 skipped: .*1 id matches no delivery.*\n$/);
    const markedByFilter = await runHooklabJson<BulkResult>(dataDir, [
      'deliveries',
      'mark-successful',
      '--webhook',
      'flaky-a',
      '--from',
      String(second.deliveries[0].createdAt),
    ]);
    expect(markedByFilter).toMatchObject({ operation: 'mark_successful', matched: 1, changed: 1, skipped: 0, skippedReason: null });

    expect((await list(['--status', 'failed'])).total).toBe(0);
    expect(ids((await list(['--status', 'marked_successful'])).deliveries)).toEqual(ids([byWebhook(second, 'flaky-a'), byWebhook(second, 'flaky-b')]));
    expect(ids((await list(['--status', 'succeeded'])).deliveries)).toHaveLength(4);

    const demo = byWebhook(first, 'Demo - Entitlement Added');
    const redelivered = await runHooklabJson<DeliverySummary>(dataDir, ['deliveries', 'redeliver', demo.id, '--wait']);
    expect(redelivered).toMatchObject({ id: demo.id, eventId: first.event.id, status: 'succeeded', attemptCount: 2 });
    const again = await runHooklabJson<DeliveryDetail>(dataDir, ['deliveries', 'show', demo.id]);
    expect(again.attempts.map((a) => a.roundTrigger)).toEqual(['fired', 'redelivery']);

    const unknown = await runHooklab(dataDir, ['deliveries', 'redeliver', 'no-such-delivery']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/^hooklab: .*no-such-delivery/);
  });
});

/** Runs a command with stdout and stderr on a real pseudo-terminal (util-linux `script`) and returns the transcript. */
function runInTerminal(dataDir: string, args: string[]): Promise<string> {
  const command = [process.execPath, HOOKLAB_BIN, '--data', dataDir, ...args].map((arg) => `'${arg}'`).join(' ');
  return new Promise((resolve, reject) => {
    execFile('script', ['-qec', command, '/dev/null'], { env: childEnv(), timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

describe('hooklab deliveries retry in a terminal', () => {
  it.skipIf(!existsSync('/usr/bin/script'))('counts up on stderr while it runs, then clears that line for the result', { timeout: 30_000 }, async () => {
    const transcript = await runInTerminal(tempDir(), ['deliveries', 'retry', '--status', 'failed']);
    const clearLine = '\u001b[2K';
    expect(transcript).toContain('Retrying: 0/0');
    expect(transcript.indexOf(clearLine)).toBeGreaterThan(transcript.indexOf('Retrying: 0/0'));
    expect(transcript.slice(transcript.lastIndexOf(clearLine) + clearLine.length)).toBe('No deliveries matched; nothing changed.\r\n');
  });
});

describe('hooklab deliveries rules', () => {
  it('prints the classification table and the vendor default schedules; --json the rules', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const text = (await runHooklab(dataDir, ['deliveries', 'rules'])).stdout;
    expect(text).toMatch(/^How each try is judged:\nRESPONSE +VERDICT +DETAIL\n2xx +success +/);
    expect(text).toMatch(/^5xx +retry +/m);
    expect(text).toMatch(/^A manual retry or re-delivery gives up to 3 tries/m);
    expect(text).toMatch(/^sentinel-ems +fixed:5m,15m,40m +5m, 15m, 40m +Sentinel EMS/m);

    const rules = await runHooklabJson<DeliveryRules>(dataDir, ['deliveries', 'rules']);
    expect(rules.manualRetryAttempts).toBe(3);
    expect(rules.outcomes.map((outcome) => outcome.verdict)).toContain('final');
    expect(rules.vendorDefaults.find((d) => d.vendor === 'sentinel-ems')?.scheduleMs).toEqual([300_000, 900_000, 2_400_000]);
  });
});

describe('hooklab deliveries: bad arguments', () => {
  it('exit 2 with one line naming the option and the rule, before any workspace is opened', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const cases: [string[], string | RegExp][] = [
      [['retry'], 'hooklab: say which deliveries: give their ids, or search options (--webhook, --event, --status, --from, --to)'],
      [
        ['mark-successful', 'some-id', '--status', 'failed'],
        'hooklab: give delivery ids or search options (--webhook, --event, --status, --from, --to), not both',
      ],
      [
        ['list', '--status', 'failed,lost'],
        /^hooklab: option '--status <statuses>' argument 'failed,lost' is invalid\. "lost" is not one of pending, in_progress, retrying, succeeded, failed, marked_successful/,
      ],
      [
        ['list', '--from', 'yesterday'],
        /^hooklab: option '--from <time>' argument 'yesterday' is invalid\. must be ISO 8601 such as 2026-11-23T10:00 .* or epoch milliseconds$/,
      ],
      [['list', '--to', '2026-02-30'], /^hooklab: option '--to <time>' argument '2026-02-30' is invalid\. must be ISO 8601/],
      [['retry', '--from', '2026-11-23T10:00', '--to', '2026-11-23T09:59'], 'hooklab: --to: must be after the start of the range'],
      [['mark-successful', '--webhook', ' '], 'hooklab: --webhook: must not be empty'],
      [['list', '--limit', '0'], "hooklab: option '--limit <n>' argument '0' is invalid. must be a whole number from 1 to 1000"],
      [['list', '--offset', '1.5'], "hooklab: option '--offset <n>' argument '1.5' is invalid. must be a whole number, 0 or more"],
      [['redeliver'], "hooklab: missing required argument 'id'"],
    ];
    const results = await Promise.all(cases.map(([args]) => runHooklab(dataDir, ['deliveries', ...args])));
    results.forEach((result, i) => {
      expect(result.code, cases[i][0].join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(cases[i][1]);
    });
  });
});
