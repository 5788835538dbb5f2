import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { catalogEvents } from '../../../../src-shared/vendors/catalogs.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const DEMO_WEBHOOK = 'Demo - Entitlement Added';
const add = (dataDir: string, name: string, retry: string) =>
  runHooklab(dataDir, ['webhook', 'add', '--name', name, '--event', 'Entitlement Added', '--url', 'http://127.0.0.1:9/hooks', '--retry', retry]);

describe('hooklab webhook add --retry', () => {
  it('stores a fixed or exponential policy or the vendor default; webhook list shows it as typed', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    for (const [name, retry] of [
      ['fixed', 'fixed:30s,2m,10m'],
      ['backoff', 'exponential:base=10s,cap=1h,jitter=0.5,retries=5'],
      ['default', 'vendor'],
    ]) {
      const added = await add(dataDir, name, retry);
      expect(added.code, added.stderr).toBe(0);
    }

    const policies = Object.fromEntries((await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).map((w) => [w.name, w.retryPolicy]));
    expect(policies).toEqual({
      [DEMO_WEBHOOK]: null,
      fixed: { kind: 'fixed', intervalsMs: [30_000, 120_000, 600_000] },
      backoff: { kind: 'exponential', baseMs: 10_000, factor: 2, maxMs: 3_600_000, jitter: 0.5, retries: 5 },
      default: null,
    });

    const table = (await runHooklab(dataDir, ['webhook', 'list'])).stdout;
    expect(table).toMatch(/^ID +NAME +EVENT +URL +CONDITION +RETRY +TIMEOUT +ENABLED$/m);
    expect(table).toMatch(/ fixed +Entitlement Added .* fixed:30s,2m,10m +30s +yes$/m);
    expect(table).toMatch(/ backoff +Entitlement Added .* exponential:base=10s,factor=2,cap=1h,jitter=0\.5,retries=5 +30s +yes$/m);
    expect(table).toMatch(/ default +Entitlement Added .* vendor +30s +yes$/m);
  });

  it('a bad policy exits 2 with one line naming --retry and the rule, and adds nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const cases: [string, string][] = [
      [
        'sometimes',
        'must be vendor (the default), fixed:30s,2m,10m (one delay per retry) or exponential:base=10s,factor=2,cap=1h,jitter=0.5,retries=5 (factor defaults to 2, jitter to 0); durations in s, m, h or d',
      ],
      ['fixed:30s,2x', 'interval 2: "2x" is not a duration; write a number and s, m, h or d, e.g. 30s, 2m, 1h'],
      ['fixed:1m,8d', 'interval 2: each interval must be at most 7 days'],
      ['exponential:base=0s,cap=1h,retries=30', 'base: the first delay must be at least 1 s; retries: must be at most 20'],
      ['exponential:base=1m,cap=30s,retries=3', 'cap: must not be below the first delay'],
      ['exponential:base=1s,cap=1m,retries=2,speed=2', '"speed=2" is not one of base=…, factor=…, cap=…, jitter=…, retries=…'],
      ['exponential:base=1s,cap=1m,retries=2,jitter=lots', 'jitter: must be a number'],
    ];
    const results = await Promise.all(cases.map(([retry], i) => add(dataDir, `bad-${i}`, retry)));
    expect(results.map((result) => [result.code, result.stderr])).toEqual(
      cases.map(([retry, rule]) => [2, `hooklab: option '--retry <policy>' argument '${retry}' is invalid. ${rule}\n`]),
    );
    expect((await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).map((w) => w.name)).toEqual([DEMO_WEBHOOK]);
  });
});

describe('hooklab webhook add --timeout', () => {
  it('stores the deadline of each try; a bad one exits 2 naming --timeout and the rule, and adds nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const base = ['webhook', 'add', '--event', 'Entitlement Added', '--url', 'http://127.0.0.1:9/hooks'];
    const added = await runHooklabJson<Webhook>(dataDir, [...base, '--name', 'patient', '--timeout', '2m', '--json']);
    expect(added.timeoutMs).toBe(120_000);
    expect((await runHooklab(dataDir, ['webhook', 'list'])).stdout).toMatch(/ patient +Entitlement Added .* vendor +2m +yes$/m);

    // One at a time: the out-of-bounds ones open the workspace, which takes one command at a time.
    const results = [];
    for (const [i, timeout] of ['soon', '500ms', '0.5s', '3m'].entries())
      results.push(await runHooklab(dataDir, [...base, '--name', `bad-${i}`, '--timeout', timeout]));
    expect(results.map((result) => [result.code, result.stderr])).toEqual([
      [2, "hooklab: option '--timeout <duration>' argument 'soon' is invalid. must be a number and s, m, h or d, e.g. 30s, 2m, 1h\n"],
      [2, "hooklab: option '--timeout <duration>' argument '500ms' is invalid. must be a number and s, m, h or d, e.g. 30s, 2m, 1h\n"],
      [2, 'hooklab: --timeout: must be at least 1 s\n'],
      [2, 'hooklab: --timeout: must be at most 2 min\n'],
    ]);
    expect((await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).map((w) => w.name)).toEqual([DEMO_WEBHOOK, 'patient']);
  });
});

describe('hooklab webhook add --sign standard-webhooks', () => {
  it('prints a generated secret once; a bin told that secret (bins script --signing-secret) finds the delivery valid', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const added = await runHooklab(dataDir, [
      'webhook',
      'add',
      '--name',
      'signed',
      '--event',
      'Entitlement Added',
      '--url',
      'http://127.0.0.1:9/hooks',
      '--sign',
      'standard-webhooks',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const secret = /shown only now: (whsec_\S+)$/m.exec(added.stdout)?.[1];
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const [listed] = (await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).filter((w) => w.name === 'signed');
    expect(listed.signingSecrets).toEqual([expect.objectContaining({ hint: `whsec_…${secret!.slice(-4)}` })]);
    expect(JSON.stringify(listed)).not.toContain(secret!.slice(6));

    const script = await runHooklab(dataDir, ['bins', 'script', 'signed', '--signing-secret', secret!]);
    expect(script.code, script.stderr).toBe(0);
    expect(script.stdout).toBe('signed: reply 200, verifies Standard Webhooks signatures (1 secret(s))\n');
  });

  it('a pasted secret without the prefix is taken; a malformed one exits 2 naming --secret and adds nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const key = Buffer.alloc(24, 1).toString('base64');
    const base = ['webhook', 'add', '--event', 'Entitlement Added', '--url', 'http://127.0.0.1:9/hooks', '--sign', 'standard-webhooks'];
    const pasted = await runHooklab(dataDir, [...base, '--name', 'pasted', '--secret', key]);
    expect(pasted.stdout).toContain(`shown only now: whsec_${key}`);

    const bad = await runHooklab(dataDir, [...base, '--name', 'bad', '--secret', 'whsec_c2hvcnQ=']);
    expect([bad.code, bad.stderr]).toEqual([2, 'hooklab: --secret: must decode to 24-64 bytes\n']);
    const unsigned = await runHooklab(dataDir, [
      'webhook',
      'add',
      '--name',
      'bad2',
      '--event',
      'Entitlement Added',
      '--url',
      'http://127.0.0.1:9/hooks',
      '--secret',
      key,
    ]);
    expect([unsigned.code, unsigned.stderr]).toEqual([2, 'hooklab: --secret: needs --sign standard-webhooks\n']);
    expect((await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).map((w) => w.name)).toEqual([DEMO_WEBHOOK, 'pasted']);
  });
});

describe('hooklab webhook add --vendor --option', () => {
  it('keeps a vendor option; an unknown value exits 2 naming --option and the allowed values, and adds nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const [event] = catalogEvents('cloudevents');
    const base = ['webhook', 'add', '--vendor', 'cloudevents', '--event', event!.name, '--url', 'http://127.0.0.1:9/ce'];
    const added = await runHooklabJson<Webhook>(dataDir, [...base, '--name', 'binary', '--option', 'mode=binary', '--json']);
    expect(added).toMatchObject({ vendor: 'cloudevents', vendorOptions: { mode: 'binary' } });

    const bad = await runHooklab(dataDir, [...base, '--name', 'bad', '--option', 'mode=json']);
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'hooklab: --option.mode: must be one of structured, binary\n' });
    expect((await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list', '--json'])).map((w) => w.name)).toEqual([DEMO_WEBHOOK, 'binary']);
  });
});

describe('hooklab webhook add --event', () => {
  it('a misspelled event exits 2 naming --event and the event it most likely meant, and adds nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const result = await runHooklab(dataDir, ['webhook', 'add', '--name', 'typo', '--event', 'Entitlment Added', '--url', 'http://127.0.0.1:9/hooks']);
    expect([result.code, result.stderr]).toEqual([
      2,
      'hooklab: --event [0]: "Entitlment Added" is not a sentinel-ems event; did you mean "Entitlement Added"?\n',
    ]);
    expect((await runHooklabJson<Webhook[]>(dataDir, ['webhook', 'list'])).map((w) => w.name)).toEqual([DEMO_WEBHOOK]);
  });
});
