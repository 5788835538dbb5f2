import { validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { EXPECTED_AUTH_SECRET_FIELD, type BinScript } from '../../src-shared/domain/bin-script.ts';
import {
  CLASHING_SECTIONS,
  WORKSPACE_SECTIONS,
  type ClashingSection,
  type NeededSecret,
  type OnClash,
  type WorkspaceCounts,
  type WorkspaceFile,
  type WorkspaceFileInput,
  type WorkspaceImportPreview,
  type WorkspaceImportResult,
  type WorkspaceBin,
  type WorkspaceSection,
  type WorkspaceVendorAccount,
  workspaceFileSchema,
} from '../../src-shared/domain/workspace-file.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { checkNSignatureKey } from '../receiver/n-signature-verification.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import { importAccountPublicKey } from '../vendors/account-key.ts';
import { authProfileRecord } from './auth-profile-record.ts';
import { usersOf } from './auth-profiles.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import { updateVendorAccount, type VendorAccountDeps } from './vendor-accounts.ts';
import { addSigningSecret, saveWebhook } from './webhooks.ts';
import { clashesMessage, entryKey, entryNames, findClashes, freeName, unchangedEntries, type TakenNames } from './workspace-file-clashes.ts';
import { workspaceFileOf, type WorkspaceExportDeps } from './workspace-file-export.ts';
import { neededSecrets, readWorkspaceFile, sectionCounts } from './workspace-file-reading.ts';

export interface WorkspaceImportDeps extends WorkspaceExportDeps {
  commits: GroupCommit;
  secrets: SecretBox;
  accountDeps: VendorAccountDeps;
  library: ScenarioLibrary;
}

/** Names in use here, from the workspace as it would be exported; scenarios from the library, as built-in names count. */
function takenNames(deps: WorkspaceImportDeps, current: WorkspaceFileInput): TakenNames {
  return {
    authProfiles: new Set(current.authProfiles?.map((profile) => profile.name)),
    webhooks: new Set(current.webhooks?.map((webhook) => webhook.name)),
    bins: new Set(current.bins?.map((bin) => bin.bin)),
    scenarios: new Set(deps.library.list().map((scenario) => scenario.name)),
  };
}

/** Every auth profile named must come with the file or exist here already. */
function referenceIssues(file: WorkspaceFile, taken: TakenNames): FieldIssue[] {
  const known = new Set([...taken.authProfiles, ...entryNames(file, 'authProfiles')]);
  const missing = (section: 'webhooks' | 'vendorAccounts', entries: readonly { authProfile: string | null }[]) =>
    entries.flatMap(({ authProfile }, index): FieldIssue[] =>
      authProfile !== null && !known.has(authProfile)
        ? [{ path: `${section}[${index}].authProfile`, message: `no auth profile is named "${authProfile}", in the file or in this workspace` }]
        : [],
    );
  return [...missing('webhooks', file.webhooks), ...missing('vendorAccounts', file.vendorAccounts)];
}

const freshSecretWarning = (webhook: string) => `webhook "${webhook}" was signed: it gets a fresh Standard Webhooks secret here; give it to its receivers`;

/** What an import is expected to say, before it runs: signed webhooks that are not here already get a fresh secret. */
function expectedWarnings(file: WorkspaceFile, unchanged: ReadonlySet<string>): string[] {
  return file.webhooks
    .filter((webhook) => webhook.signingSecrets > 0 && !unchanged.has(entryKey('webhooks', webhook.name)))
    .map((webhook) => freshSecretWarning(webhook.name));
}

/** A secret the file leaves out, settled for a whole entry (skipped, kept as it was) or one field of it. */
const secretKey = (section: WorkspaceSection, name: string, field?: string) =>
  field === undefined ? entryKey(section, name) : `${entryKey(section, name)}\0${field}`;

/** `url` moved from under `from` to under `to`, when what follows `from` starts at a boundary `boundary` allows; else null. */
function rebasedUrl(url: string, from: string, to: string, boundary: RegExp): string | null {
  const rest = url.slice(from.length);
  return url.startsWith(from) && (rest === '' || boundary.test(rest)) ? `${to}${rest}` : null;
}

/** Webhooks that sent to the exporting workspace's receiver send to this one's. */
function onThisReceiver(file: WorkspaceFile, receiverUrl: string): WorkspaceFile {
  const from = file.receiverUrl;
  if (from === null || from === receiverUrl) return file;
  const moved = (url: string) => rebasedUrl(url, from, receiverUrl, /^\//) ?? url;
  return { ...file, receiverUrl, webhooks: file.webhooks.map((webhook) => ({ ...webhook, endpointUrl: moved(webhook.endpointUrl) })) };
}

function readChecked(deps: WorkspaceImportDeps, text: string) {
  const file = onThisReceiver(readWorkspaceFile(text), deps.receiverUrl);
  const here = workspaceFileOf(deps);
  const taken = takenNames(deps, here);
  const issues = referenceIssues(file, taken);
  if (issues.length > 0) throw validationError(issues);
  // An entry stored before today's rules may not read as a file entry: then nothing counts as unchanged.
  const current = workspaceFileSchema.safeParse(here);
  const unchanged = current.success ? unchangedEntries(file, current.data) : new Set<string>();
  return { file, taken, unchanged, clashes: findClashes(file, taken, unchanged) };
}

/**
 * What the import would do, and every error it would give: the import itself runs and is undone.
 * Entries that clash are checked as a rename writes them (under a free name), so every entry of
 * the file is checked whatever the user then picks.
 */
export async function previewWorkspaceImport(deps: WorkspaceImportDeps, text: string): Promise<WorkspaceImportPreview> {
  const { file, taken, clashes, unchanged } = readChecked(deps, text);
  await deps.commits.tryOut(() => new WorkspaceImport(deps, file, taken, unchanged, 'rename').run());
  // An entry this workspace has as it is keeps its own secrets.
  const needsSecrets = neededSecrets(file).filter(({ section, name }) => !unchanged.has(entryKey(section as ClashingSection, name)));
  return { counts: sectionCounts(file), clashes, needsSecrets, warnings: expectedWarnings(file, unchanged) };
}

/** Everything in the file, or nothing: one transaction, rolled back if any entry breaks a rule. */
export async function importWorkspace(deps: WorkspaceImportDeps, text: string, onClash: OnClash | undefined): Promise<WorkspaceImportResult> {
  const { file, taken, unchanged, clashes } = readChecked(deps, text);
  if (clashes.length > 0 && onClash === undefined) throw new AppError('conflict', clashesMessage(clashes), { clashes });
  return deps.commits.run(() => new WorkspaceImport(deps, file, taken, unchanged, onClash ?? 'skip').run());
}

const zeroCounts = (): WorkspaceCounts => Object.fromEntries(WORKSPACE_SECTIONS.map((section) => [section, 0])) as WorkspaceCounts;

type Step = { action: 'create' | 'replace'; name: string } | { action: 'skip' };

/** One import's pass over the file, inside the transaction; collects every entry's rule issues before giving up. */
class WorkspaceImport {
  private readonly issues: FieldIssue[] = [];
  private readonly profileIds = new Map<string, string>();
  /** Secrets the file leaves out that the workspace has anyway (see secretKey): not asked for. */
  private readonly settledSecrets = new Set<string>();
  /** Bins imported under another name: webhooks sending to them follow. */
  private readonly binRenames = new Map<string, string>();
  private readonly finalNames = new Map<string, string>();
  private readonly result: WorkspaceImportResult = {
    created: zeroCounts(),
    replaced: zeroCounts(),
    skipped: zeroCounts(),
    unchanged: zeroCounts(),
    renamed: [],
    signingSecrets: [],
    needsSecrets: [],
    warnings: [],
  };
  private readonly deps: WorkspaceImportDeps;
  private readonly file: WorkspaceFile;
  private readonly taken: TakenNames;
  /** Entries the workspace has as they are: left alone whatever onClash says. */
  private readonly unchanged: ReadonlySet<string>;
  private readonly onClash: OnClash;

  constructor(deps: WorkspaceImportDeps, file: WorkspaceFile, taken: TakenNames, unchanged: ReadonlySet<string>, onClash: OnClash) {
    this.deps = deps;
    this.file = file;
    this.taken = taken;
    this.unchanged = unchanged;
    this.onClash = onClash;
  }

  run(): WorkspaceImportResult {
    this.file.authProfiles.forEach((entry, index) => this.authProfile(entry, index));
    this.file.vendorAccounts.forEach((entry, index) =>
      this.entry(`vendorAccounts[${index}]`, () => this.vendorAccount(entry), { authProfileId: 'authProfile' }),
    );
    // Bins before webhooks: a webhook sending to a bin that was renamed sends to the renamed one.
    this.file.bins.forEach((entry, index) => this.bin(entry, index));
    this.file.webhooks.forEach((entry, index) => this.webhook(entry, index));
    this.file.scenarios.forEach((entry, index) => {
      const step = this.plan('scenarios', entry.name);
      if (step.action === 'skip') return;
      this.entry(`scenarios[${index}]`, () => {
        const existing = step.action === 'replace' ? this.deps.library.find({ name: entry.name }) : undefined;
        this.deps.library.save(existing?.id, { ...entry, name: step.name });
      });
    });
    // Thrown inside the transaction's savepoint: nothing above stays written.
    if (this.issues.length > 0) throw validationError(this.issues);
    this.result.needsSecrets = this.stillNeeded(neededSecrets(this.file));
    this.result.warnings.unshift(...this.result.signingSecrets.map(({ webhook }) => freshSecretWarning(webhook)));
    return this.result;
  }

  private plan(section: ClashingSection, name: string): Step {
    const key = entryKey(section, name);
    if (!this.taken[section].has(name)) return this.planned(section, key, { action: 'create', name });
    if (this.onClash === 'skip' || this.unchanged.has(key)) {
      this.result[this.unchanged.has(key) ? 'unchanged' : 'skipped'][section] += 1;
      this.settledSecrets.add(key);
      return { action: 'skip' };
    }
    if (this.onClash === 'replace') return this.planned(section, key, { action: 'replace', name });
    const inUse = new Set([...this.taken[section], ...entryNames(this.file, section)]);
    const to = freeName(section, name, inUse);
    this.taken[section].add(to);
    this.result.renamed.push({ section, from: name, to });
    return this.planned(section, key, { action: 'create', name: to });
  }

  private planned(section: ClashingSection, key: string, step: { action: 'create' | 'replace'; name: string }): Step {
    this.finalNames.set(key, step.name);
    this.result[step.action === 'create' ? 'created' : 'replaced'][section] += 1;
    return step;
  }

  /** Runs one entry's writes; a rule it breaks is kept under the entry's path (`webhooks[2].events[0]`). */
  private entry(prefix: string, work: () => void, renamedPaths: Record<string, string> = {}): void {
    try {
      work();
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid_input' && error.code !== 'conflict')) throw error;
      const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [{ path: '', message: error.message }];
      for (const issue of issues) {
        const path = renamedPaths[issue.path] ?? issue.path;
        this.issues.push({ path: path === '' ? prefix : `${prefix}.${path}`, message: issue.message });
      }
    }
  }

  private profileId(name: string | null): string | null {
    if (name === null) return null;
    return this.profileIds.get(name) ?? this.deps.authProfiles.findByName(name)?.id ?? null;
  }

  private authProfile(entry: WorkspaceFile['authProfiles'][number], index: number): void {
    const step = this.plan('authProfiles', entry.name);
    if (step.action === 'skip') return;
    this.entry(`authProfiles[${index}]`, () => {
      const record = authProfileRecord({ ...entry, name: step.name }, this.deps.secrets);
      const existing = step.action === 'replace' ? this.deps.authProfiles.findByName(entry.name) : null;
      if (existing) {
        if (existing.kind !== entry.kind) {
          // As in updateAuthProfile: each vendor takes only some kinds.
          const users = usersOf(this.deps, existing.id);
          if (users > 0)
            throw validationError([
              { path: 'kind', message: `cannot replace "${existing.kind}" while ${users} webhook(s) or vendor account(s) use the profile` },
            ]);
        }
        // The kept secret (same kind, none in the file) means nothing is missing.
        if (existing.kind === entry.kind && existing.hasSecret) this.settledSecrets.add(secretKey('authProfiles', entry.name));
        this.deps.authProfiles.update(existing.id, record);
        this.profileIds.set(entry.name, existing.id);
      } else {
        this.profileIds.set(entry.name, this.deps.authProfiles.insert(record, this.deps.now()).id);
      }
    });
  }

  /** Merged into the account here (each vendor has one): counted as replaced once configured, else created. */
  private vendorAccount(entry: WorkspaceVendorAccount): void {
    this.result[this.deps.accounts.get(entry.vendor) ? 'replaced' : 'created'].vendorAccounts += 1;
    updateVendorAccount(this.deps.accountDeps, {
      vendor: entry.vendor,
      settings: entry.settings,
      ...(entry.authProfile === null ? {} : { authProfileId: this.profileId(entry.authProfile) }),
    });
    if (entry.publicKeyPem === null) return;
    const pem = importAccountPublicKey(entry.publicKeyPem);
    const stored = this.deps.accounts.get(entry.vendor)?.publicKeyPem ?? null;
    if (stored === null) {
      this.deps.accounts.setPublicKey(entry.vendor, pem, this.deps.now());
      return;
    }
    this.settledSecrets.add(secretKey('vendorAccounts', entry.vendor));
    if (stored.trim() !== pem.trim()) {
      this.result.warnings.push(
        `vendor account ${entry.vendor}: kept this workspace's signing key; the file's public key differs, so receivers set up with it will reject these signatures`,
      );
    }
  }

  private webhook(entry: WorkspaceFile['webhooks'][number], index: number): void {
    const step = this.plan('webhooks', entry.name);
    if (step.action === 'skip') return;
    this.entry(
      `webhooks[${index}]`,
      () => {
        const { authProfile, signingSecrets, ...fields } = entry;
        const draft = { ...fields, name: step.name, endpointUrl: this.toRenamedBin(fields.endpointUrl), authProfileId: this.profileId(authProfile) };
        const existing = step.action === 'replace' ? this.deps.webhooks.findByName(entry.name) : null;
        const saved = saveWebhook(this.deps, existing?.id ?? null, draft);
        if (signingSecrets > 0 && saved.signingSecrets.length === 0) {
          this.result.signingSecrets.push({ webhook: saved.name, secret: addSigningSecret(this.deps, saved.id) });
        }
      },
      { authProfileId: 'authProfile' },
    );
  }

  private bin(entry: WorkspaceFile['bins'][number], index: number): void {
    const step = this.plan('bins', entry.bin);
    if (step.action === 'skip') return;
    if (step.name !== entry.bin) this.binRenames.set(entry.bin, step.name);
    this.entry(`bins[${index}]`, () => {
      const { expectedAuth, signingSecrets: _redacted, headers, ...rest } = entry.script;
      // A replaced bin keeps the secrets the file leaves out, as a replaced auth profile does.
      const kept = step.action === 'replace' ? this.deps.binScripts.get(entry.bin) : null;
      const script = {
        ...rest,
        headers: this.replyHeaders(entry.bin, headers, kept?.headers),
        signingSecrets: kept?.signingSecrets ?? [],
        expectedAuth: this.expectedAuth(expectedAuth, kept?.expectedAuth),
      } as BinScript;
      const secretField = EXPECTED_AUTH_SECRET_FIELD[expectedAuth.kind];
      if (kept && secretField !== null && script.expectedAuth.kind === expectedAuth.kind)
        this.settledSecrets.add(secretKey('bins', entry.bin, `expectedAuth.${secretField}`));
      if (script.signingSecrets.length > 0) this.settledSecrets.add(secretKey('bins', entry.bin, 'signingSecrets'));
      checkNSignatureKey(script.nSignatureKey);
      this.deps.binScripts.set(step.name, script, this.deps.now());
    });
  }

  /** A header whose value the file leaves out is the replaced bin's, if it had one; otherwise the bin replies without it. */
  private replyHeaders(bin: string, fromFile: WorkspaceBin['script']['headers'], kept: BinScript['headers'] | undefined): BinScript['headers'] {
    const headers: BinScript['headers'] = {};
    for (const [header, value] of Object.entries(fromFile)) {
      const keptValue = value === null && kept && Object.hasOwn(kept, header) ? kept[header] : undefined;
      if (keptValue !== undefined) this.settledSecrets.add(secretKey('bins', bin, `headers.${header}`));
      const chosen = value ?? keptValue;
      if (chosen !== undefined) headers[header] = chosen;
    }
    return headers;
  }

  /**
   * Without its secret a check cannot be made: the bin accepts any Authorization until it is set
   * again, unless the bin replaced had the same check with its secret.
   */
  private expectedAuth(fromFile: WorkspaceBin['script']['expectedAuth'], kept: BinScript['expectedAuth'] | undefined): BinScript['expectedAuth'] {
    if (fromFile.kind === 'basic' && fromFile.password === null) {
      return kept?.kind === 'basic' && kept.username === fromFile.username ? kept : { kind: 'none' };
    }
    if (fromFile.kind === 'bearer' && fromFile.token === null) return kept?.kind === 'bearer' ? kept : { kind: 'none' };
    return fromFile as BinScript['expectedAuth'];
  }

  /** The endpoint of a webhook sending to a bin of this receiver that the import renamed: the renamed bin's. */
  private toRenamedBin(url: string): string {
    for (const [from, to] of this.binRenames) {
      const moved = rebasedUrl(url, `${this.deps.receiverUrl}/r/${from}`, `${this.deps.receiverUrl}/r/${to}`, /^[/?#]/);
      if (moved !== null) return moved;
    }
    return url;
  }

  /** The file's missing secrets, less those of skipped entries and kept ones, under the names entries got. */
  private stillNeeded(needed: readonly NeededSecret[]): NeededSecret[] {
    return needed
      .filter(
        (secret) =>
          !this.settledSecrets.has(secretKey(secret.section, secret.name)) && !this.settledSecrets.has(secretKey(secret.section, secret.name, secret.field)),
      )
      .map((secret) => {
        const section = secret.section as ClashingSection;
        const name = CLASHING_SECTIONS.includes(section) ? this.finalNames.get(entryKey(section, secret.name)) : undefined;
        return name === undefined ? secret : { ...secret, name };
      });
  }
}
