import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;
/** Any permission for the group or others. */
const SHARED_BITS = 0o077;

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function permissions(path: string): number {
  return statSync(path).mode & 0o777;
}

/**
 * Makes the data directory and every file directly in it (the database and its WAL, the key
 * file, the owner record) readable by their owner only, whatever the umask or an earlier Hooklab
 * left; returns one notice per fix. Windows guards these files with the ACLs of the user's profile
 * folder, not with modes: nothing to do there.
 */
export function makeDataDirPrivate(dir: string, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return [];
  const notices: string[] = [];
  const dirMode = permissions(dir);
  if (dirMode & SHARED_BITS) {
    chmodSync(dir, OWNER_ONLY_DIR);
    notices.push(`Made ${dir} private (was ${octal(dirMode)}): only you can read Hooklab's data now.`);
  }
  const fixed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Links are not followed: what they point to is not Hooklab's to change.
    if (!entry.isFile()) continue;
    const file = join(dir, entry.name);
    const mode = permissions(file);
    if (mode & SHARED_BITS) {
      chmodSync(file, OWNER_ONLY_FILE);
      fixed.push(`${entry.name} (was ${octal(mode)})`);
    }
  }
  if (fixed.length > 0) notices.push(`Made ${fixed.join(', ')} in ${dir} private: only you can read them now.`);
  return notices;
}
