import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../platform/secret-box.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';

/** What clients of the emulated vendor APIs authenticate with: one set per workspace, made on first start. */
export interface VendorApiCredentials {
  zentitle2: { tenantId: string; clientId: string; clientSecret: string };
  flexnet: { userId: string; password: string };
  sentinel: { username: string; password: string };
  /** HS256 key of the tokens the APIs issue (Zentitle2 access tokens, FlexNet ENS JWTs). */
  tokenKey: Uint8Array;
}

/** As sealed in the settings: the key in base64. */
type StoredCredentials = Omit<VendorApiCredentials, 'tokenKey'> & { tokenKey: string };

const SETTING = 'vendorApi.credentials';

const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

function generated(): StoredCredentials {
  return {
    zentitle2: { tenantId: `t_${secret(16)}`, clientId: 'hooklab-management-api', clientSecret: secret(24) },
    flexnet: { userId: 'hooklab-ens-user', password: secret(18) },
    sentinel: { username: 'hooklab-admin', password: secret(18) },
    tokenKey: randomBytes(32).toString('base64'),
  };
}

/** The workspace's credentials, sealed in its settings: the same across restarts, never in plain text on disk. */
export function vendorApiCredentials(settings: SettingsRepository, secrets: SecretBox): VendorApiCredentials {
  const saved = settings.get(SETTING);
  let stored: StoredCredentials;
  if (saved !== null) stored = JSON.parse(secrets.open(Buffer.from(saved, 'base64'))) as StoredCredentials;
  else {
    stored = generated();
    settings.set(SETTING, secrets.seal(JSON.stringify(stored)).toString('base64'));
  }
  // Decoded once here, not on every token the APIs sign or check.
  return { ...stored, tokenKey: Buffer.from(stored.tokenKey, 'base64') };
}
