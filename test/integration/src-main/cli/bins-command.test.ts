import { describe, expect, it, onTestFinished } from 'vitest';
import type { BinScript } from '../../../../src-shared/domain/bin-script.ts';
import type { Bin } from '../../../../src-shared/domain/capture.ts';
import { runHooklab, runHooklabJson, startServe } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const post = async (url: string) => {
  const response = await fetch(url, { method: 'POST', body: '{}' });
  return { status: response.status, lab: response.headers.get('x-lab'), body: await response.text() };
};

describe('hooklab bins', () => {
  it('script sets how the running receiver answers, changing only the fields given; list shows URL, captures and script', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    expect((await runHooklab(dataDir, ['bins', 'list'])).stdout).toBe('No bins yet. A bin is made by its first request, or by `hooklab bins script <bin>`.\n');
    const serve = await startServe(dataDir);
    onTestFinished(async () => {
      await serve.stop();
    });

    const script = await runHooklabJson<BinScript>(dataDir, [
      'bins',
      'script',
      'flaky',
      '--fail-first',
      '1',
      '--status',
      '202',
      '--header',
      'X-Lab: one',
      '--body',
      'ok',
    ]);
    expect(script).toEqual({
      status: 202,
      headers: { 'X-Lab': 'one' },
      body: 'ok',
      delayMs: 0,
      failFirst: 1,
      failureRate: 0,
      mode: 'reply',
      signingSecrets: [],
      expectedAuth: { kind: 'none' },
      nSignatureKey: null,
    });
    const [bin] = await runHooklabJson<Bin[]>(dataDir, ['bins', 'list']);
    expect(bin).toMatchObject({ name: 'flaky', captureCount: 0, script });
    expect(bin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/flaky$/);

    expect(await post(`${bin.url}/hook`)).toMatchObject({ status: 503, lab: null });
    expect(await post(`${bin.url}/hook`)).toEqual({ status: 202, lab: 'one', body: 'ok' });

    // One option changes one field; a new script starts "fail first" over.
    const changed = await runHooklab(dataDir, ['bins', 'script', 'flaky', '--status', '418']);
    expect(changed.stdout).toBe('flaky: reply 418, fail first 1, 1 header(s), body 2 chars\n');
    expect((await post(`${bin.url}/again`)).status).toBe(503);
    expect((await post(`${bin.url}/again`)).status).toBe(418);

    const table = (await runHooklab(dataDir, ['bins', 'list'])).stdout.split('\n');
    expect(table[0]).toMatch(/^BIN +URL +CAPTURES +SCRIPT +CREATED$/);
    expect(table[1]).toMatch(
      new RegExp(`^flaky +${bin.url} +4 +reply 418, fail first 1, 1 header\\(s\\), body 2 chars +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$`),
    );

    const reset = await runHooklab(dataDir, ['bins', 'script', 'flaky', '--reset', '--delay', '5']);
    expect(reset.stdout).toBe('flaky: reply 200, delay 5 ms\n');
    // Captures outlive every script change.
    expect((await runHooklabJson<Bin[]>(dataDir, ['bins', 'list']))[0].captureCount).toBe(4);
  });

  it('a bad script option exits 2 with one line naming it, and leaves the script as it was', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    expect((await runHooklab(dataDir, ['bins', 'script', 'slow', '--delay', '100'])).code).toBe(0);
    const cases: [string[], string][] = [
      [['--status', '99'], 'hooklab: --status: must be an HTTP status from 200 to 599'],
      [['--header', 'no colon'], 'hooklab: --header: "no colon" must look like "Name: value"'],
      [['--failure-rate', '2', '--status', '500'], 'hooklab: --failure-rate: must be from 0 to 1'],
      [['--mode', 'sleep'], "hooklab: option '--mode <mode>' argument 'sleep' is invalid. Allowed choices are reply, hang, close."],
    ];
    const results = await Promise.all(cases.map(([args]) => runHooklab(dataDir, ['bins', 'script', 'slow', ...args])));
    expect(results.map((result) => [result.code, result.stderr.trimEnd()])).toEqual(cases.map(([, message]) => [2, message]));

    expect((await runHooklab(dataDir, ['bins', 'script', 'slow'])).stdout).toBe('slow: reply 200, delay 100 ms\n');
  });
});

describe('hooklab bins script: what the receiver checks on each capture', () => {
  it('--expect-auth and --n-signature-key are kept and shown; a malformed one exits 2 naming the option', async () => {
    const dataDir = tempDir();
    const script = await runHooklabJson<BinScript>(dataDir, ['bins', 'script', 'guarded', '--expect-auth', 'basic:ens:pa:ss', '--json']);
    expect(script.expectedAuth).toEqual({ kind: 'basic', username: 'ens', password: 'pa:ss' });
    const listed = await runHooklab(dataDir, ['bins', 'list']);
    expect(listed.stdout).toMatch(/guarded .*expects basic auth/);

    const bad = await runHooklab(dataDir, ['bins', 'script', 'guarded', '--expect-auth', 'digest:x']);
    expect(bad).toMatchObject({ code: 2, stderr: 'hooklab: --expect-auth: "digest:x" must be none, basic:USER:PASSWORD, bearer:TOKEN or issued-token\n' });
    const badKey = await runHooklab(dataDir, ['bins', 'script', 'guarded', '--n-signature-key', 'not a key!']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^hooklab: --n-signature-key/);
    expect((await runHooklabJson<BinScript>(dataDir, ['bins', 'script', 'guarded', '--json'])).nSignatureKey).toBeNull();
  });
});
