import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureDetail, CaptureSummary } from '../../../../src-shared/domain/capture.ts';
import type { ImportedCaptures } from '../../../../src-shared/domain/capture-import.ts';
import { runHooklab, runHooklabJson } from '../../../fixtures/cli-process.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const CURL = `# from the vendor's delivery log
curl -X PUT 'http://127.0.0.1:9/hook?id=7' -H 'Content-Type: text/plain' --data-binary 'one'
curl http://127.0.0.1:9/ping
`;

describe('hooklab import', () => {
  it('imports curl commands from a file into a bin and prints them as JSON', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'deliveries.sh');
    writeFileSync(file, CURL);

    const imported = await runHooklabJson<ImportedCaptures>(dataDir, ['import', file, '--bin', 'vendor-log']);

    expect(imported.bin).toBe('vendor-log');
    expect(imported.captures.map(({ method, path, query, bodySize }) => ({ method, path, query, bodySize }))).toEqual([
      { method: 'PUT', path: '/hook', query: 'id=7', bodySize: 3 },
      { method: 'GET', path: '/ping', query: '', bodySize: 0 },
    ]);
    const listed = await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list', '--bin', 'vendor-log']);
    expect(listed).toHaveLength(2);
    const shown = await runHooklabJson<CaptureDetail>(dataDir, ['captures', 'show', imported.captures[0].id]);
    expect(shown).toMatchObject({ body: { encoding: 'utf8', text: 'one' }, source: { format: 'curl', fileName: 'deliveries.sh', entry: 'line 2' } });
  });

  it('reads standard input for FILE "-": the captures say they came from stdin', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const imported = await runHooklab(dataDir, ['import', '-', '--bin', 'piped'], { stdin: CURL });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 capture(s) imported into bin "piped".');
    const [first] = await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list', '--bin', 'piped']);
    const shown = await runHooklabJson<CaptureDetail>(dataDir, ['captures', 'show', first!.id]);
    expect(shown.source).toMatchObject({ format: 'curl', fileName: null });
  });

  it('exits 2 naming the bad entry of a broken file, and imports nothing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'broken.har');
    writeFileSync(
      file,
      JSON.stringify({
        log: {
          entries: [
            { request: { method: 'POST', url: 'https://a.example/x', headers: [] } },
            { request: { method: 'POST', url: 'ftp://a.example/x', headers: [] } },
          ],
        },
      }),
    );

    const result = await runHooklab(dataDir, ['import', file, '--format', 'har']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('hooklab: entries[1].request.url: must be an absolute http(s) URL\n');
    expect(await runHooklabJson<CaptureSummary[]>(dataDir, ['captures', 'list'])).toEqual([]);
  });

  it('exits 2 on an unknown --format and on a file it cannot read', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const badFormat = await runHooklab(dataDir, ['import', 'x.har', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format <format>' argument 'xml' is invalid");
    const missing = await runHooklab(dataDir, ['import', join(dataDir, 'nope.har')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^hooklab: FILE: cannot read .*nope\.har: ENOENT/);
  });
});
