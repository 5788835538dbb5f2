import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../platform/secret-box.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';

/** What clients of the emulated vendor APIs authenticate with: one set per workspace, made on first start. */
export interface VendorApiCredentials {
  zentitle2: { tenantId: string; clientId: string; clientSecret: string };
  flexnet: { userId: string; password: string };
  sentinel: { username: string; password: string };
  /** HS256 key of the tokens the APIs issue (Zentitle2 access tokens, FlexNet ENS JWTs), base64. */
  tokenKey: string;
}

const SETTING = 'vendorApi.credentials';

const secret = (bytes: number) => randomBytes(bytes).toString('base64url');

function generated(): VendorApiCredentials {
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
  if (saved !== null) return JSON.parse(secrets.open(Buffer.from(saved, 'base64'))) as VendorApiCredentials;
  const credentials = generated();
  settings.set(SETTING, secrets.seal(JSON.stringify(credentials)).toString('base64'));
  return credentials;
}
