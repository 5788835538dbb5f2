import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../platform/secret-box.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';

const SETTING = 'receiver.tokenSigningKey';

/**
 * The HS256 key the receiver signs its access tokens with and checks them against: one per
 * workspace, made on first use and kept sealed, so tokens stay valid across restarts.
 */
export function tokenSigningKey(settings: SettingsRepository, secrets: SecretBox): Uint8Array {
  const saved = settings.get(SETTING);
  if (saved !== null) return Buffer.from(secrets.open(Buffer.from(saved, 'base64')), 'base64');
  const key = randomBytes(32);
  settings.set(SETTING, secrets.seal(key.toString('base64')).toString('base64'));
  return key;
}
