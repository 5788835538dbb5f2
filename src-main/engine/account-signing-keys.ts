import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { SecretBox } from '../platform/secret-box.ts';
import type { StoredVendorAccount } from '../storage/vendor-account-repository.ts';

/**
 * Private keys for signing, opened once per key: unsealing and parsing PEM on every try would
 * cost more than the signature.
 */
export class AccountSigningKeys {
  private readonly secrets: SecretBox;
  private readonly opened = new Map<string, KeyObject>();

  constructor(secrets: SecretBox) {
    this.secrets = secrets;
  }

  /** The account's private key; null while it has none. */
  privateKey(account: StoredVendorAccount): KeyObject | null {
    if (!account.sealedPrivateKey || !account.publicKeyPem) return null;
    let key = this.opened.get(account.publicKeyPem);
    if (!key) {
      key = createPrivateKey(this.secrets.open(account.sealedPrivateKey));
      this.opened.set(account.publicKeyPem, key);
    }
    return key;
  }
}
