import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { VendorAccountRepository } from '../storage/vendor-account-repository.ts';

/**
 * Private keys for signing, opened once per key: unsealing and parsing PEM on every try would
 * cost more than the signature.
 */
export class AccountSigningKeys {
  private readonly deps: { accounts: VendorAccountRepository; secrets: SecretBox };
  private readonly opened = new Map<string, KeyObject>();

  constructor(deps: { accounts: VendorAccountRepository; secrets: SecretBox }) {
    this.deps = deps;
  }

  privateKey(vendor: VendorId): KeyObject | null {
    const stored = this.deps.accounts.get(vendor);
    if (!stored?.sealedPrivateKey || !stored.publicKeyPem) return null;
    let key = this.opened.get(stored.publicKeyPem);
    if (!key) {
      key = createPrivateKey(this.deps.secrets.open(stored.sealedPrivateKey));
      this.opened.set(stored.publicKeyPem, key);
    }
    return key;
  }
}
