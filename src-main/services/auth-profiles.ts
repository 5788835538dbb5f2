import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import { AUTH_PROFILE_SECRET_FIELD, type AuthProfile, type AuthProfileEditOutput } from '../../src-shared/domain/auth-profile.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { publicAuthProfile, type AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import type { VendorAccountRepository } from '../storage/vendor-account-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import { authProfileRecord } from './auth-profile-record.ts';

export interface AuthProfileDeps {
  authProfiles: AuthProfileRepository;
  webhooks: WebhookRepository;
  accounts: VendorAccountRepository;
  secrets: SecretBox;
  now(): number;
}

function requireFreeName(deps: AuthProfileDeps, name: string, path: string, ownId?: string): void {
  const holder = deps.authProfiles.findByName(name);
  if (holder && holder.id !== ownId) throw validationError([{ path, message: 'is already used by another auth profile' }]);
}

/** How many webhooks and vendor accounts use the profile. */
export function usersOf(deps: Pick<AuthProfileDeps, 'webhooks' | 'accounts'>, id: string): number {
  return deps.webhooks.countUsingAuthProfile(id) + deps.accounts.countUsingAuthProfile(id);
}

/** From the contract's input, whose secrets are required; a workspace import may leave them out. */
export function createAuthProfile(deps: AuthProfileDeps, input: AuthProfileEditOutput): AuthProfile {
  requireFreeName(deps, input.name, 'name');
  return publicAuthProfile(deps.authProfiles.insert(authProfileRecord(input, deps.secrets), deps.now()));
}

/**
 * Changes a profile in place, so its webhooks and vendor accounts stay linked. A secret left out
 * keeps the one stored. The kind cannot change under its users: each vendor takes only some kinds.
 */
export function updateAuthProfile(deps: AuthProfileDeps, id: string, profile: AuthProfileEditOutput): AuthProfile {
  const existing = deps.authProfiles.get(id);
  if (!existing) throw new AppError('not_found', `No auth profile has id "${id}"`);
  requireFreeName(deps, profile.name, 'profile.name', id);
  if (profile.kind !== existing.kind) {
    const users = usersOf(deps, id);
    if (users > 0) throw validationError([{ path: 'profile.kind', message: `cannot change while ${users} webhook(s) or vendor account(s) use this profile` }]);
  }
  const secretField = AUTH_PROFILE_SECRET_FIELD[profile.kind];
  const record = authProfileRecord(profile, deps.secrets);
  if (secretField && record.sealedSecret === null && (profile.kind !== existing.kind || !existing.hasSecret)) {
    throw validationError([{ path: `profile.${secretField}`, message: 'is required: this profile has none to keep' }]);
  }
  deps.authProfiles.update(id, record);
  return publicAuthProfile(deps.authProfiles.get(id)!);
}

export function deleteAuthProfile(deps: AuthProfileDeps, id: string): { id: string } {
  const users = usersOf(deps, id);
  if (users > 0) throw new AppError('conflict', `This auth profile is used by ${users} webhook(s) or vendor account(s); change them first.`);
  if (!deps.authProfiles.delete(id)) throw new AppError('not_found', `No auth profile has id "${id}"`);
  return { id };
}
