import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppMode } from '../../src-shared/domain/app-info.ts';
import { AppError } from '../../src-shared/errors.ts';

export const OWNER_FILE = 'owner.json';

/** Who runs the engine on a data directory, and where its API answers (if it serves one). */
export interface OwnerRecord {
  pid: number;
  mode: AppMode;
  startedAt: number;
  apiUrl?: string;
  token?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of the directory, or null; a record left by a dead process is ignored. */
export function readLiveOwner(dataDir: string): OwnerRecord | null {
  try {
    const record = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as OwnerRecord;
    return isAlive(record.pid) ? record : null;
  } catch {
    return null;
  }
}

export interface Ownership {
  /** Makes the owner's API known to CLI commands run on the same directory. */
  publish(api: { apiUrl: string; token: string }): void;
  release(): void;
}

function describe(owner: OwnerRecord): string {
  const where = owner.apiUrl ? ` at ${owner.apiUrl}` : '';
  return `Hooklab (${owner.mode}, pid ${owner.pid}${where})`;
}

/**
 * One engine per data directory: never two dispatchers on one database. The owner file is
 * created exclusively; a stale one (its process is gone) is taken over.
 */
export function acquireDataDir(dataDir: string, mode: AppMode): Ownership {
  const file = join(dataDir, OWNER_FILE);
  const record: OwnerRecord = { pid: process.pid, mode, startedAt: Date.now() };
  for (let tries = 0; ; tries += 1) {
    try {
      writeFileSync(file, JSON.stringify(record), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 2) throw error;
      const owner = readLiveOwner(dataDir);
      if (owner) {
        throw new AppError(
          'conflict',
          `${dataDir} is already in use by ${describe(owner)}. Stop it first or use another --data directory.`,
          owner.apiUrl ? { apiUrl: owner.apiUrl } : undefined,
        );
      }
      rmSync(file, { force: true });
    }
  }
  let released = false;
  return {
    publish(api) {
      Object.assign(record, api);
      writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
    },
    release() {
      if (released) return;
      released = true;
      try {
        const current = JSON.parse(readFileSync(file, 'utf8')) as OwnerRecord;
        if (current.pid === process.pid) rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}
