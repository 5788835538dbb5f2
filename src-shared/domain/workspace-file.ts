import { z } from 'zod';
import { AUTH_PROFILE_NAME_MAX, authProfileEditSchema, redactableSecret } from './auth-profile.ts';
import { binScriptSchema, expectedAuthSchema, replyHeadersSchema, setBinScriptInputSchema } from './bin-script.ts';
import { scenarioInputSchema } from './scenario.ts';
import { vendorIdSchema, vendorValuesSchema } from './vendor.ts';
import { webhookInputSchema } from './webhook.ts';

/**
 * A workspace file: what a user configured, as one versioned JSON document. Entries reference
 * each other by name (ids differ between workspaces); secrets are written as null and listed in
 * `redacted`, so a file can be shared without handing out credentials.
 */
export const WORKSPACE_FILE_FORMAT = 'hooklab-workspace';
export const WORKSPACE_FILE_VERSION = 1;

export const WORKSPACE_SECTIONS = ['authProfiles', 'vendorAccounts', 'webhooks', 'bins', 'scenarios'] as const;
export type WorkspaceSection = (typeof WORKSPACE_SECTIONS)[number];
/** Sections whose entries are named by the user, and so can clash with what a workspace has. */
export const CLASHING_SECTIONS = ['authProfiles', 'webhooks', 'bins', 'scenarios'] as const;
export type ClashingSection = (typeof CLASHING_SECTIONS)[number];

/** A workspace file is read whole, in memory; a thousand webhooks with long conditions fit many times over. */
export const WORKSPACE_FILE_TEXT_MAX = 20_000_000;
/** Entries per section (webhooks, auth profiles, bins, …): far more than anyone configures by hand. */
export const WORKSPACE_SECTION_MAX = 1000;
/** An auth profile named by an entry (names of the file's, or the workspace's, profiles). */
const profileName = z
  .string()
  .min(1, 'must not be empty')
  .max(AUTH_PROFILE_NAME_MAX, `must be at most ${AUTH_PROFILE_NAME_MAX} characters`)
  .nullable()
  .default(null);
const section = <S extends z.ZodType>(entry: S) => z.array(entry).max(WORKSPACE_SECTION_MAX, `must have at most ${WORKSPACE_SECTION_MAX} entries`).default([]);

export const workspaceWebhookSchema = webhookInputSchema.omit({ authProfileId: true }).extend({
  /** The auth profile's name: one of the file's, or one the importing workspace has. */
  authProfile: profileName,
  /** How many Standard Webhooks secrets signed it; never their values: an import generates a fresh one. */
  signingSecrets: z.number().int().min(0, 'must be 0 or more').default(0),
});
export type WorkspaceWebhook = z.output<typeof workspaceWebhookSchema>;

export const workspaceVendorAccountSchema = z.strictObject({
  vendor: vendorIdSchema,
  /** Only the settings the user set; the rest take the catalog's defaults. */
  settings: vendorValuesSchema('setting').default({}),
  /** Shared credentials (FlexNet), by auth profile name. */
  authProfile: profileName,
  /** The public half of the account's signing key (Zentitle2); the private half never leaves its workspace. */
  publicKeyPem: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters').nullable().default(null),
});
export type WorkspaceVendorAccount = z.output<typeof workspaceVendorAccountSchema>;

const [noExpectedAuth, basicExpectedAuth, bearerExpectedAuth, issuedToken] = expectedAuthSchema.options;
export const workspaceBinSchema = setBinScriptInputSchema.extend({
  script: binScriptSchema.extend({
    expectedAuth: z
      .discriminatedUnion('kind', [
        noExpectedAuth,
        basicExpectedAuth.extend({ password: redactableSecret }),
        bearerExpectedAuth.extend({ token: redactableSecret }),
        issuedToken,
      ])
      .default({ kind: 'none' }),
    /** How many Standard Webhooks secrets the bin checked with; their values are not written. */
    signingSecrets: z.number().int().min(0, 'must be 0 or more').default(0),
    /** A credential reply header (Set-Cookie, a token) has its value left out: null. */
    headers: replyHeadersSchema(z.string({ error: 'header values must be text or null' }).nullable()).default({}),
  }),
});
export type WorkspaceBin = z.output<typeof workspaceBinSchema>;

export const workspaceFileSchema = z.strictObject({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(WORKSPACE_FILE_VERSION),
  exportedAt: z.string().default(''),
  hooklabVersion: z.string().optional(),
  /**
   * The exporting workspace's built-in receiver. Webhooks sending to it are pointed at the
   * importing workspace's receiver instead: each workspace listens on a port of its own.
   */
  receiverUrl: z.string().nullable().default(null),
  /** Paths of the secrets written as null (`authProfiles[0].password`). */
  redacted: z
    .array(z.string().max(500, 'must be at most 500 characters'))
    // At most two secrets an entry (a bin's expected auth and its signing secrets).
    .max(WORKSPACE_SECTION_MAX * WORKSPACE_SECTIONS.length, 'lists more secrets than the sections can hold')
    .default([]),
  /** Auth profiles with their secrets left out (null) unless a user typed them in before importing. */
  authProfiles: section(authProfileEditSchema),
  vendorAccounts: section(workspaceVendorAccountSchema),
  webhooks: section(workspaceWebhookSchema),
  bins: section(workspaceBinSchema),
  scenarios: section(scenarioInputSchema),
});
export type WorkspaceFile = z.output<typeof workspaceFileSchema>;
export type WorkspaceFileInput = z.input<typeof workspaceFileSchema>;

export const ON_CLASH_CHOICES = ['skip', 'rename', 'replace'] as const;
export type OnClash = (typeof ON_CLASH_CHOICES)[number];

export const previewWorkspaceImportInputSchema = z.strictObject({
  text: z.string().min(1, 'is required').max(WORKSPACE_FILE_TEXT_MAX, `must be at most ${WORKSPACE_FILE_TEXT_MAX} characters`),
});
export const importWorkspaceInputSchema = previewWorkspaceImportInputSchema.extend({
  /** How entries named like existing ones are handled; without it, any clash refuses the import. */
  onClash: z.enum(ON_CLASH_CHOICES, { error: `must be one of ${ON_CLASH_CHOICES.join(', ')}` }).optional(),
});

export interface WorkspaceClash {
  section: ClashingSection;
  name: string;
}

/** A secret the file left out that the imported workspace needs before it works as the source did. */
export interface NeededSecret {
  section: WorkspaceSection;
  name: string;
  field: string;
  /** What to do about it. */
  hint: string;
}

export type WorkspaceCounts = Record<WorkspaceSection, number>;

export interface WorkspaceImportPreview {
  counts: WorkspaceCounts;
  clashes: WorkspaceClash[];
  needsSecrets: NeededSecret[];
  warnings: string[];
}

export interface WorkspaceImportResult {
  created: WorkspaceCounts;
  replaced: WorkspaceCounts;
  skipped: WorkspaceCounts;
  /** Entries this workspace had already, exactly as in the file: no clash, nothing written. */
  unchanged: WorkspaceCounts;
  renamed: { section: ClashingSection; from: string; to: string }[];
  /** Fresh Standard Webhooks secrets of signed webhooks: shown once, receivers need them. */
  signingSecrets: { webhook: string; secret: string }[];
  needsSecrets: NeededSecret[];
  warnings: string[];
}

export interface WorkspaceExport {
  /** `hooklab-workspace-YYYY-MM-DD.json` */
  fileName: string;
  text: string;
}

export function workspaceFileName(at: Date): string {
  return `hooklab-workspace-${at.toISOString().slice(0, 10)}.json`;
}
