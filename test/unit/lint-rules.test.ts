import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/source-files.ts';

interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

interface BiomeDiagnostic {
  category: string;
  message: string;
  location: { path: string; start?: { line: number } };
}

/**
 * Lints test/fixtures/lint with the project's own biome.json, in a copy laid out like the
 * repository (src-shared/, src-renderer/, src-main/…), so the boundary rules' folder overrides
 * apply to the fixtures exactly as they do to the real sources.
 */
function lintFixtures(dir: string): { exitCode: number | null; findings: Finding[] } {
  cpSync(join(REPO_ROOT, 'test/fixtures/lint'), dir, { recursive: true });
  cpSync(join(REPO_ROOT, 'biome.json'), join(dir, 'biome.json'));
  const biome = join(REPO_ROOT, 'node_modules/.bin/biome');
  const run = spawnSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none', '.'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: BiomeDiagnostic[] };
  const findings = report.diagnostics
    .map((diagnostic) => ({
      rule: diagnostic.category,
      file: diagnostic.location.path,
      line: diagnostic.location.start?.line ?? 0,
      message: diagnostic.message,
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { exitCode: run.status, findings };
}

describe('lint rules on deliberately bad fixtures (test/fixtures/lint)', () => {
  // One lint run (about a second) serves every case below.
  let dir = '';
  let exitCode: number | null = null;
  let findings: Finding[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hooklab-lint-'));
    ({ exitCode, findings } = lintFixtures(dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const boundary = (file: string) =>
    findings
      .filter((finding) => finding.file === file && finding.rule === 'lint/style/noRestrictedImports')
      .map(({ line, message }) => ({ line, rule: /^boundary rule ([a-z-]+):/.exec(message)?.[1] ?? message }));

  it('fails the lint run', () => {
    expect(exitCode).not.toBe(0);
  });

  it('src-shared reaching for Node, Electron, React or src-main is reported by name, one finding per import', () => {
    expect(boundary('src-shared/reaches-out.ts')).toEqual([
      { line: 1, rule: 'shared-self-contained' },
      { line: 2, rule: 'electron-only-in-shell' },
      { line: 3, rule: 'shared-self-contained' },
      { line: 4, rule: 'shared-self-contained' },
    ]);
  });

  it('the renderer importing Node, Electron or src-main is reported by name', () => {
    expect(boundary('src-renderer/reaches-into-engine.ts')).toEqual([
      { line: 1, rule: 'renderer-only-shared' },
      { line: 2, rule: 'electron-only-in-shell' },
      { line: 3, rule: 'renderer-only-shared' },
    ]);
  });

  it('electron outside src-main/electron is reported; inside it, and Node in the engine, are allowed', () => {
    expect(boundary('src-main/engine/imports-electron.ts')).toEqual([{ line: 1, rule: 'electron-only-in-shell' }]);
    expect(findings.filter((finding) => finding.file.startsWith('src-main/electron/') || finding.file === 'src-main/engine/allowed-engine.ts')).toEqual([]);
  });

  it('an import circle is reported on both of its imports, type-only ones included', () => {
    const circle = findings.filter((finding) => finding.rule === 'lint/suspicious/noImportCycles').map(({ file, line }) => ({ file, line }));
    expect(circle).toEqual([
      { file: 'src-shared/cycle-first.ts', line: 1 },
      { file: 'src-shared/cycle-second.ts', line: 1 },
    ]);
  });

  it('nothing else is reported: each finding above comes from the rule it names', () => {
    const expected = new Set(['lint/style/noRestrictedImports', 'lint/suspicious/noImportCycles']);
    expect(findings.filter((finding) => !expected.has(finding.rule))).toEqual([]);
  });
});
