import { describe, expect, it, onTestFinished } from 'vitest';
import type { Bin, CaptureSummary } from '../../../../src-shared/domain/capture.ts';
import type { CaptureRetention } from '../../../../src-shared/domain/capture-retention.ts';
import { runHooklab, runHooklabJson, startServe } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const post = async (url: string) => {
  const response = await fetch(url, { method: 'POST', body: '{}' });
  expect(response.status).toBe(200);
};

describe('hooklab captures retention, captures delete, bins clear', () => {
  it('shows the limits and counts; a bad limit exits 2 naming the option and changes nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    expect((await runHooklab(dataDir, ['captures', 'retention'])).stdout).toBe(
      [
        'Keeps at most 10000 captures and 512MiB; the oldest are pruned beyond that.',
        'Stored now: 0 captures, 0 bytes.',
        'Pruned by these limits so far: 0 captures, 0 bytes.',
        '',
      ].join('\n'),
    );
    const cases: [string[], string][] = [
      [['--max-count', '0'], "hooklab: option '--max-count <n>' argument '0' is invalid. must be a whole number from 1 to 1000000"],
      [['--max-size', 'lots'], "hooklab: option '--max-size <size>' argument 'lots' is invalid. must be bytes, or a number and KiB, MiB or GiB, e.g. 256MiB"],
      [['--max-size', '1KiB'], 'hooklab: --max-size: must be from 1048576 (1 MiB) to 68719476736 (64 GiB)'],
    ];
    const results = await Promise.all(cases.map(([args]) => runHooklab(dataDir, ['captures', 'retention', ...args])));
    expect(results.map((result) => [result.code, result.stderr.trimEnd()])).toEqual(cases.map(([, message]) => [2, message]));
    const changed = await runHooklabJson<CaptureRetention>(dataDir, ['captures', 'retention', '--max-size', '256MiB']);
    expect(changed).toMatchObject({ maxCount: 10_000, maxBytes: 256 * 1024 * 1024 });
  });

  it('against a running Hooklab: lowering the count prunes the oldest at once and says so; delete and bins clear remove captures', {
    timeout: 120_000,
  }, async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    onTestFinished(async () => {
      await serve.stop();
    });
    await runHooklab(dataDir, ['bins', 'script', 'first', '--status', '200']);
    const [first] = await runHooklabJson<Bin[]>(dataDir, ['bins', 'list']);
    for (const n of [1, 2, 3, 4]) await post(`${first.url}/${n}`);
    await post(`${first.url.replace(/first$/, 'second')}/5`);

    const lowered = await runHooklab(dataDir, ['captures', 'retention', '--max-count', '3']);
    expect(lowered.stdout).toMatch(
      /^Pruned the 2 oldest captures to fit the new limits\.\nKeeps at most 3 captures and 512MiB; the oldest are pruned beyond that\.\nStored now: 3 captures, \d+ bytes\.\nPruned by these limits so far: 2 captures, \d+ bytes\.\n$/,
    );
    const kept = await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list']);
    expect(kept.map((capture) => capture.path)).toEqual(['/5', '/4', '/3']);
    const searched = await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list', '--search', '/4']);
    expect(searched.map((capture) => capture.path)).toEqual(['/4']);
    expect((await runHooklab(dataDir, ['captures', 'list', '--search', 'nowhere-to-be-found'])).stdout).toContain('No capture holds "nowhere-to-be-found".');

    expect((await runHooklab(dataDir, ['captures', 'delete', kept[1].id])).stdout).toBe(`Deleted capture ${kept[1].id}.\n`);
    const missing = await runHooklab(dataDir, ['captures', 'delete', kept[1].id]);
    expect(missing).toMatchObject({ code: 1, stderr: `hooklab: No capture has id "${kept[1].id}"\n` });

    expect((await runHooklab(dataDir, ['bins', 'clear', 'first'])).stdout).toBe('Deleted 1 capture(s) of bin first.\n');
    expect((await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list'])).map((capture) => capture.path)).toEqual(['/5']);
    expect((await runHooklabJson<Bin[]>(dataDir, ['bins', 'list'])).map((bin) => [bin.name, bin.captureCount])).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
    expect(await runHooklab(dataDir, ['bins', 'clear', 'ghost'])).toMatchObject({ code: 1, stderr: 'hooklab: No bin is named "ghost"\n' });
    expect(await runHooklab(dataDir, ['bins', 'clear', '../x'])).toMatchObject({ code: 2, stderr: 'hooklab: <bin>: must be 1-64 letters, digits, - or _\n' });
  });
});
