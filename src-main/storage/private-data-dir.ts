import { chmodSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;
/** Any permission for the group or others. */
const SHARED_BITS = 0o077;

const octal = (mode: number) => `0${mode.toString(8)}`;

function permissions(path: string): number {
  return statSync(path).mode & 0o777;
}

/** Restricts `path` to `mode`; false when it belongs to another user, who alone may change it. */
function restrict(path: string, mode: number): boolean {
  try {
    chmodSync(path, mode);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    return false;
  }
}

/**
 * Makes the data directory and Hooklab's own files in it (`files`: the database and its WAL, the
 * key file, the owner record) readable by their owner only, whatever the umask or an earlier
 * Hooklab left; returns one notice per fix, or per fix it could not make. Other files a person put
 * there are theirs, and left as they are. Windows guards these files with
 * the ACLs of the user's profile folder, not with modes: nothing to do there.
 */
export function makeDataDirPrivate(dir: string, files: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return [];
  const notices: string[] = [];
  const dirMode = permissions(dir);
  if (dirMode & SHARED_BITS) {
    notices.push(
      restrict(dir, OWNER_ONLY_DIR)
        ? `Made ${dir} private (was ${octal(dirMode)}): only you can read Hooklab's data now.`
        : `Could not make ${dir} private (it is ${octal(dirMode)} and another user owns it): others may read Hooklab's data.`,
    );
  }
  const fixed: string[] = [];
  const unfixed: string[] = [];
  for (const name of files) {
    const path = join(dir, name);
    // Missing files are made private when written; links are not followed: what they point to is not Hooklab's to change.
    if (!lstatSync(path, { throwIfNoEntry: false })?.isFile()) continue;
    const mode = permissions(path);
    if (!(mode & SHARED_BITS)) continue;
    if (restrict(path, OWNER_ONLY_FILE)) fixed.push(`${name} (was ${octal(mode)})`);
    else unfixed.push(`${name} (${octal(mode)})`);
  }
  if (fixed.length > 0) notices.push(`Made ${fixed.join(', ')} in ${dir} private: only you can read them now.`);
  if (unfixed.length > 0) notices.push(`Could not make ${unfixed.join(', ')} in ${dir} private (another user owns them): others may read them.`);
  return notices;
}
