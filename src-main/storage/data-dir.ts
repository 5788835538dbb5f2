import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Hooklab';

/**
 * The OS app-data folder, the same one Electron's `app.getPath('userData')` names for this
 * app, so the desktop app and the CLI share one workspace. HOOKLAB_DATA overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HOOKLAB_DATA) return resolve(env.HOOKLAB_DATA);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** The data directory, made if missing: private to its owner (see private-data-dir.ts for existing ones). */
export function ensureDataDir(dir: string): string {
  const absolute = resolve(dir);
  const created = mkdirSync(absolute, { recursive: true, mode: 0o700 });
  if (created !== undefined) chmodSync(absolute, 0o700);
  return absolute;
}
