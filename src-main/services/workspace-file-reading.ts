import { AUTH_PROFILE_SECRET_FIELD } from '../../src-shared/domain/auth-profile.ts';
import { EXPECTED_AUTH_SECRET_FIELD } from '../../src-shared/domain/bin-script.ts';
import { checkInputDepth, fieldIssues, issueMessages, validationError } from '../../src-shared/contracts/contract-kit.ts';
import {
  WORKSPACE_FILE_FORMAT,
  WORKSPACE_FILE_VERSION,
  WORKSPACE_SECTIONS,
  workspaceFileSchema,
  type NeededSecret,
  type WorkspaceCounts,
  type WorkspaceFile,
} from '../../src-shared/domain/workspace-file.ts';

/** True when the text is a workspace file rather than captured traffic (the CLI's `import` takes both). */
export function looksLikeWorkspaceFile(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === WORKSPACE_FILE_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Parses a workspace file. The format and version are checked before the rest, so a file from a
 * newer Hooklab says so instead of listing every field this one does not know.
 */
export function readWorkspaceFile(text: string): WorkspaceFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw validationError([{ path: '', message: `is not JSON: ${(error as Error).message}` }]);
  }
  checkInputDepth(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError([{ path: '', message: 'must be a JSON object' }]);
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== WORKSPACE_FILE_FORMAT) throw validationError([{ path: 'format', message: `must be "${WORKSPACE_FILE_FORMAT}"` }]);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw validationError([{ path: 'version', message: 'must be a whole number from 1' }]);
  }
  if (version > WORKSPACE_FILE_VERSION) {
    throw validationError([{ path: 'version', message: `version ${version} is newer than this Hooklab reads (${WORKSPACE_FILE_VERSION})` }]);
  }
  const parsed = workspaceFileSchema.safeParse(value, { error: issueMessages });
  if (!parsed.success) throw validationError(fieldIssues(parsed.error));
  return parsed.data;
}

export function sectionCounts(file: WorkspaceFile): WorkspaceCounts {
  return Object.fromEntries(WORKSPACE_SECTIONS.map((section) => [section, file[section].length])) as WorkspaceCounts;
}

/** Secrets the file leaves out (null) that the imported entries need. */
export function neededSecrets(file: WorkspaceFile): NeededSecret[] {
  const needed: NeededSecret[] = [];
  for (const profile of file.authProfiles) {
    const field = AUTH_PROFILE_SECRET_FIELD[profile.kind];
    if (field !== null && (profile as Record<string, unknown>)[field] === null) {
      needed.push({
        section: 'authProfiles',
        name: profile.name,
        field,
        hint: `created without its ${field}: deliveries using it fail until you set it (edit the auth profile)`,
      });
    }
  }
  for (const account of file.vendorAccounts) {
    if (account.publicKeyPem !== null) {
      needed.push({
        section: 'vendorAccounts',
        name: account.vendor,
        field: 'privateKey',
        hint: 'only the public key came with the file: it verifies the source workspace’s signatures here; to sign, import the private key or generate a new one (Vendors page, or hooklab vendor key) and hand receivers the new public key',
      });
    }
  }
  for (const { bin, script } of file.bins) {
    const auth = script.expectedAuth;
    const field = EXPECTED_AUTH_SECRET_FIELD[auth.kind];
    if (field !== null && (auth as Record<string, unknown>)[field] === null) {
      needed.push({
        section: 'bins',
        name: bin,
        field: `expectedAuth.${field}`,
        hint: `the bin does not check Authorization until you set its expected ${auth.kind} credentials again`,
      });
    }
    if (script.signingSecrets > 0) {
      needed.push({
        section: 'bins',
        name: bin,
        field: 'signingSecrets',
        hint: 'the bin does not check Standard Webhooks signatures until you add the secrets again',
      });
    }
    for (const [header, value] of Object.entries(script.headers)) {
      if (value === null)
        needed.push({ section: 'bins', name: bin, field: `headers.${header}`, hint: `the bin replies without its ${header} header until you set it again` });
    }
  }
  return needed;
}
