import { AUTH_PROFILE_SECRET_FIELD, type AuthProfileEditOutput } from '../../src-shared/domain/auth-profile.ts';
import { VENDOR_IDS } from '../../src-shared/domain/vendor.ts';
import {
  WORKSPACE_FILE_FORMAT,
  WORKSPACE_FILE_VERSION,
  workspaceFileName,
  type WorkspaceBin,
  type WorkspaceExport,
  type WorkspaceFileInput,
  type WorkspaceVendorAccount,
  type WorkspaceWebhook,
} from '../../src-shared/domain/workspace-file.ts';
import { DEFAULT_BIN_SCRIPT, EXPECTED_AUTH_SECRET_FIELD } from '../../src-shared/domain/bin-script.ts';
import type { AuthProfileRepository, SealedAuthProfile } from '../storage/auth-profile-repository.ts';
import type { BinScriptRepository } from '../storage/bin-script-repository.ts';
import { isCredentialHeader } from '../storage/sealed-headers.ts';
import type { CaptureRepository } from '../storage/capture-repository.ts';
import type { ScenarioRepository } from '../storage/scenario-repository.ts';
import type { VendorAccountRepository } from '../storage/vendor-account-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import { HOOKLAB_VERSION } from './version.ts';

export interface WorkspaceExportDeps {
  webhooks: WebhookRepository;
  authProfiles: AuthProfileRepository;
  accounts: VendorAccountRepository;
  binScripts: BinScriptRepository;
  captures: CaptureRepository;
  scenarios: ScenarioRepository;
  receiverUrl: string;
  now(): number;
}

function authProfileEntry(profile: SealedAuthProfile): AuthProfileEditOutput {
  const { name } = profile;
  switch (profile.kind) {
    case 'none':
      return { kind: 'none', name };
    case 'basic':
      return { kind: 'basic', name, username: profile.username ?? '', password: null };
    case 'bearer':
      return { kind: 'bearer', name, token: null };
    case 'oauth2':
      return { kind: 'oauth2', name, ...profile.oauth!, clientSecret: null };
  }
}

/** Everything configured here, secrets redacted, references by name. */
export function workspaceFileOf(deps: WorkspaceExportDeps): WorkspaceFileInput {
  const redacted: string[] = [];
  const profiles = deps.authProfiles.list();
  const profileName = (id: string | null) => (id === null ? null : (profiles.find((profile) => profile.id === id)?.name ?? null));

  const authProfiles = profiles.map((profile, index) => {
    const field = AUTH_PROFILE_SECRET_FIELD[profile.kind];
    if (field !== null) redacted.push(`authProfiles[${index}].${field}`);
    return authProfileEntry(profile);
  });

  const vendorAccounts = VENDOR_IDS.flatMap((vendor): WorkspaceVendorAccount[] => {
    const stored = deps.accounts.get(vendor);
    return stored ? [{ vendor, settings: stored.settings, authProfile: profileName(stored.authProfileId), publicKeyPem: stored.publicKeyPem }] : [];
  });

  const webhooks = deps.webhooks.list().map(({ id: _id, createdAt: _c, updatedAt: _u, authProfileId, signingSecrets, ...webhook }, index): WorkspaceWebhook => {
    if (signingSecrets.length > 0) redacted.push(`webhooks[${index}].signingSecrets`);
    return { ...webhook, authProfile: profileName(authProfileId), signingSecrets: signingSecrets.length };
  });

  const scripts = deps.binScripts.all();
  const bins = deps.captures.listBins().map(({ name }, index): WorkspaceBin => {
    const script = scripts.get(name) ?? DEFAULT_BIN_SCRIPT;
    const auth = script.expectedAuth;
    if (auth.kind === 'basic' || auth.kind === 'bearer') redacted.push(`bins[${index}].script.expectedAuth.${EXPECTED_AUTH_SECRET_FIELD[auth.kind]}`);
    if (script.signingSecrets.length > 0) redacted.push(`bins[${index}].script.signingSecrets`);
    const expectedAuth = auth.kind === 'basic' ? { ...auth, password: null } : auth.kind === 'bearer' ? { ...auth, token: null } : auth;
    const headers = Object.fromEntries(
      Object.entries(script.headers).map(([header, value]) => {
        if (!isCredentialHeader(header)) return [header, value];
        redacted.push(`bins[${index}].script.headers.${header}`);
        return [header, null];
      }),
    );
    return { bin: name, script: { ...script, expectedAuth, headers, signingSecrets: script.signingSecrets.length } };
  });

  return {
    format: WORKSPACE_FILE_FORMAT,
    version: WORKSPACE_FILE_VERSION,
    exportedAt: new Date(deps.now()).toISOString(),
    hooklabVersion: HOOKLAB_VERSION,
    receiverUrl: deps.receiverUrl,
    redacted,
    authProfiles,
    vendorAccounts,
    webhooks,
    bins,
    scenarios: deps.scenarios.list().map(({ definition }) => definition),
  };
}

export function exportWorkspace(deps: WorkspaceExportDeps): WorkspaceExport {
  return { fileName: workspaceFileName(new Date(deps.now())), text: `${JSON.stringify(workspaceFileOf(deps), null, 2)}\n` };
}
