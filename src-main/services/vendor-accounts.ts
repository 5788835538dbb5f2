import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { UpdateVendorAccountInput, VendorAccount } from '../../src-shared/domain/vendor-account.ts';
import { resolvedAccountSettings, vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import type { VendorAccountRepository } from '../storage/vendor-account-repository.ts';
import { accountPublicKey, generateAccountKeyPair, generateAccountKeyPairSync, importAccountKeyPair, type AccountKeyPair } from '../vendors/account-key.ts';
import { authProfileKindIssues } from './webhook-rules.ts';

export interface VendorAccountDeps {
  accounts: VendorAccountRepository;
  authProfiles: AuthProfileRepository;
  secrets: SecretBox;
  now(): number;
}

const ACCOUNT_SETTING_MAX = 200;

export function getVendorAccount(deps: VendorAccountDeps, vendor: VendorId): VendorAccount {
  const stored = deps.accounts.get(vendor);
  return {
    vendor,
    settings: resolvedAccountSettings(vendor, stored?.settings ?? {}),
    authProfileId: stored?.authProfileId ?? null,
    signingKey: stored?.publicKeyPem ? accountPublicKey(stored.publicKeyPem, stored.keyCreatedAt ?? stored.updatedAt) : null,
    updatedAt: stored?.updatedAt ?? 0,
  };
}

export function updateVendorAccount(deps: VendorAccountDeps, input: UpdateVendorAccountInput): VendorAccount {
  const { vendor } = input;
  const catalog = vendorCatalogs[vendor];
  const issues = [];
  const known = new Map(catalog.accountFields.map((field) => [field.key, field]));
  for (const [key, value] of Object.entries(input.settings ?? {})) {
    const choices = known.get(key)?.choices;
    if (!known.has(key)) {
      const allowed = [...known.keys()].join(', ') || 'none';
      issues.push({ path: `settings.${key}`, message: `is not a ${catalog.label} account setting (settings: ${allowed})` });
    } else if (value.trim() === '') {
      // Every account setting ends up in each payload (FlexNet tenant, CloudEvents source): blank would make it invalid.
      issues.push({ path: `settings.${key}`, message: 'must not be empty' });
    } else if (choices && !choices.includes(value)) {
      issues.push({ path: `settings.${key}`, message: `must be ${choices.map((choice) => `"${choice}"`).join(' or ')}` });
    } else if (value.length > ACCOUNT_SETTING_MAX) {
      issues.push({ path: `settings.${key}`, message: `must be at most ${ACCOUNT_SETTING_MAX} characters` });
    }
  }
  if (input.authProfileId !== undefined && input.authProfileId !== null) {
    if (!catalog.auth.sharedPerAccount) {
      issues.push({ path: 'authProfileId', message: `${catalog.label} has no credentials shared by all webhooks; set them per webhook` });
    } else {
      const accepted = catalog.auth.kinds;
      issues.push(
        ...authProfileKindIssues(
          deps.authProfiles,
          input.authProfileId,
          accepted,
          (kind) => `${catalog.label} accepts ${accepted.join(' or ')} credentials, not ${kind}`,
        ),
      );
    }
  }
  if (issues.length > 0) throw validationError(issues);
  const now = deps.now();
  if (input.settings) deps.accounts.setSettings(vendor, { ...(deps.accounts.get(vendor)?.settings ?? {}), ...input.settings }, now);
  if (input.authProfileId !== undefined) deps.accounts.setAuthProfile(vendor, input.authProfileId, now);
  return getVendorAccount(deps, vendor);
}

function requireSigningVendor(vendor: VendorId): void {
  const catalog = vendorCatalogs[vendor];
  if (catalog.signature === 'none') {
    throw validationError([{ path: 'vendor', message: `${catalog.label} does not sign its calls with an account key` }]);
  }
}

function storeKeyPair(deps: VendorAccountDeps, vendor: VendorId, pair: AccountKeyPair): VendorAccount {
  deps.accounts.setKeyPair(vendor, deps.secrets.seal(pair.privateKeyPem), pair.publicKeyPem, deps.now());
  return getVendorAccount(deps, vendor);
}

/** A new key pair replaces the old one: receivers must be given the new public key. */
export async function generateVendorKey(deps: VendorAccountDeps, vendor: VendorId): Promise<VendorAccount> {
  requireSigningVendor(vendor);
  return storeKeyPair(deps, vendor, await generateAccountKeyPair());
}

export function importVendorKey(deps: VendorAccountDeps, vendor: VendorId, privateKeyPem: string): VendorAccount {
  requireSigningVendor(vendor);
  return storeKeyPair(deps, vendor, importAccountKeyPair(privateKeyPem));
}

/**
 * Vendors that sign get their key with the first webhook, so a fresh workspace signs at once. A
 * public key alone (imported with a workspace file) is kept: receivers are configured with it.
 */
export function ensureVendorKey(deps: VendorAccountDeps, vendor: VendorId): void {
  if (vendorCatalogs[vendor].signature === 'none' || deps.accounts.get(vendor)?.publicKeyPem) return;
  storeKeyPair(deps, vendor, generateAccountKeyPairSync());
}
