import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeDataDirPrivate } from '../../../../src-main/storage/private-data-dir.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every file in the directory with its mode, e.g. { 'hooklab.sqlite': '600' }. */
function fileModes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, modeOf(join(dir, name))]));
}

/** The files of a running workspace: the database with its WAL and shared memory, the key file, the owner record. */
const PRIVATE_WHILE_RUNNING = {
  'hooklab.sqlite': '600',
  'hooklab.sqlite-wal': '600',
  'hooklab.sqlite-shm': '600',
  'owner.json': '600',
  'secret.key': '600',
};

describe.skipIf(process.platform === 'win32')('the data directory is private to its owner', () => {
  it('a new one is made 0700 and every file Hooklab writes in it 0600, whatever the umask', async () => {
    const previous = process.umask(0);
    onTestFinished(() => {
      process.umask(previous);
    });
    const dataDir = join(tempDir(), 'nested', 'Hooklab');
    const service = await startTestService({ dataDir });
    expect(modeOf(dataDir)).toBe('700');
    expect(fileModes(dataDir)).toEqual(PRIVATE_WHILE_RUNNING);
    expect(service.warnings).toEqual([]);
  });

  it('an existing one left open to others is closed on open, with a notice naming what was fixed', async () => {
    const dataDir = tempDir();
    await (await startTestService({ dataDir })).close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'hooklab.sqlite'), 0o644);
    chmodSync(join(dataDir, 'secret.key'), 0o640);
    // A file of the user's own, kept beside the workspace: not Hooklab's to change.
    writeFileSync(join(dataDir, 'notes.txt'), 'mine', { mode: 0o644 });

    const service = await startTestService({ dataDir });
    expect(service.warnings).toEqual([
      `Made ${dataDir} private (was 0755): only you can read Hooklab's data now.`,
      `Made hooklab.sqlite (was 0644), secret.key (was 0640) in ${dataDir} private: only you can read them now.`,
    ]);
    expect(modeOf(dataDir)).toBe('700');
    expect(fileModes(dataDir)).toEqual({ ...PRIVATE_WHILE_RUNNING, 'notes.txt': '644' });
    await service.close();

    expect((await startTestService({ dataDir })).warnings).toEqual([]);
  });
});

describe('on Windows', () => {
  it('modes are left alone: the profile folder’s ACLs guard the data', () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    expect(makeDataDirPrivate(dataDir, ['hooklab.sqlite'], 'win32')).toEqual([]);
    expect(modeOf(dataDir)).toBe('755');
  });
});

describe.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)('a data directory another user owns', () => {
  it('is reported, not fixed, and is no error', () => {
    // Another user's directory that we may read: root's, as seen by `nobody`.
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'hooklab.sqlite'), '', { mode: 0o644 });
    const script = `import { makeDataDirPrivate } from ${JSON.stringify(join(process.cwd(), 'src-main/storage/private-data-dir.ts'))};
      console.log(JSON.stringify(makeDataDirPrivate(${JSON.stringify(dataDir)}, ['hooklab.sqlite'])));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([
      `Could not make ${dataDir} private (it is 0755 and another user owns it): others may read Hooklab's data.`,
      `Could not make hooklab.sqlite (0644) in ${dataDir} private (another user owns them): others may read them.`,
    ]);
    expect(modeOf(dataDir)).toBe('755');
  });
});
