import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { AuthProfileKind } from '../../src-shared/domain/auth-profile.ts';
import {
  placeholder,
  type ExportedWebhook,
  type ExportFile,
  type ProductionExport,
  type ProductionExportOptions,
  type ProductionExportWarning,
} from '../../src-shared/domain/production-export.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { VendorAccount } from '../../src-shared/domain/vendor-account.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import { sendingAuthProfileId, type ExportCredentials, type ExportIssue, type VendorProfile } from '../vendors/vendor-profile.ts';
import { curlScript } from '../vendors/curl-script.ts';
import { isPrivateUrl } from './private-address.ts';
import { getVendorAccount, type VendorAccountDeps } from './vendor-accounts.ts';

export interface ProductionExportDeps {
  webhooks: WebhookRepository;
  accountDeps: VendorAccountDeps;
  profiles: Record<VendorId, VendorProfile>;
  timeScale(): number;
}

const SECRET_PLACEHOLDERS: Readonly<Record<AuthProfileKind, string>> = {
  none: '',
  basic: placeholder('BASIC_PASSWORD'),
  bearer: placeholder('BEARER_TOKEN'),
  oauth2: placeholder('OAUTH_CLIENT_SECRET'),
};

function selectedWebhooks(webhooks: WebhookRepository, ids: readonly string[] | undefined): Webhook[] {
  if (!ids) return webhooks.list();
  const found = ids.map((id) => webhooks.get(id));
  const issues = ids.flatMap((id, index) => (found[index] ? [] : [{ path: `webhookIds[${index}]`, message: `no webhook has id "${id}"` }]));
  if (issues.length > 0) throw validationError(issues);
  return found as Webhook[];
}

/** The webhook's own auth profile, or for vendors with shared credentials (FlexNet) the account's. */
function credentialsOf(deps: VendorAccountDeps, webhook: Webhook, account: VendorAccount, includeSecrets: boolean): ExportCredentials | null {
  const profileId = sendingAuthProfileId(vendorCatalogs[webhook.vendor], webhook, account);
  const sealed = profileId ? deps.authProfiles.get(profileId) : null;
  if (!sealed) return null;
  const { sealedSecret, ...profile } = sealed;
  const secret = includeSecrets && sealedSecret ? deps.secrets.open(sealedSecret) : SECRET_PLACEHOLDERS[profile.kind];
  return { profile, secret };
}

/** What no vendor's API carries, whatever the vendor: Hooklab's own additions, and addresses only this machine reaches. */
function hooklabOnlyIssues(webhook: Webhook, profile: VendorProfile, credentials: ExportCredentials | null): ExportIssue[] {
  const label = profile.catalog.label;
  const issues: ExportIssue[] = [];
  const unreachable = (name: string) => `is a local or private address that ${label} in production cannot reach: exported as ${placeholder(name)}, to fill in`;
  if (isPrivateUrl(webhook.endpointUrl)) issues.push({ field: 'endpointUrl', message: `${webhook.endpointUrl} ${unreachable('ENDPOINT_URL')}` });
  const tokenUrl = credentials?.profile.oauth?.tokenUrl;
  if (tokenUrl && isPrivateUrl(tokenUrl)) issues.push({ field: 'tokenUrl', message: `${tokenUrl} ${unreachable('TOKEN_URL')}` });
  if (webhook.retryPolicy) {
    issues.push({
      field: 'retryPolicy',
      message: `${label} cannot take a custom retry policy; production retries on its own schedule (${profile.retryPolicySource})`,
    });
  }
  if (webhook.signingSecrets.length > 0) {
    issues.push({ field: 'signingSecrets', message: `${label} does not sign with Standard Webhooks: production calls carry no webhook-signature` });
  }
  return issues;
}

/**
 * The webhook and credentials as production gets them: an address only this machine reaches
 * (the built-in receiver, localhost) becomes a placeholder, so that no export registers it.
 */
function shippable(webhook: Webhook, credentials: ExportCredentials | null): [Webhook, ExportCredentials | null] {
  const endpointUrl = isPrivateUrl(webhook.endpointUrl) ? placeholder('ENDPOINT_URL') : webhook.endpointUrl;
  const oauth = credentials?.profile.oauth;
  const shippedCredentials =
    credentials && oauth && isPrivateUrl(oauth.tokenUrl)
      ? { ...credentials, profile: { ...credentials.profile, oauth: { ...oauth, tokenUrl: placeholder('TOKEN_URL') } } }
      : credentials;
  return [{ ...webhook, endpointUrl }, shippedCredentials];
}

function fileStem(webhook: Webhook, taken: Set<string>): string {
  const slug =
    webhook.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'webhook';
  const stem = taken.has(slug) ? `${slug}-${webhook.id.slice(0, 8)}` : slug;
  taken.add(stem);
  return stem;
}

/**
 * Each selected webhook in its vendor's production format (VENDORS.md), with a JSON file and a
 * curl script per webhook, and a warning for everything the vendor cannot express.
 */
export function exportProductionConfig(deps: ProductionExportDeps, { webhookIds, includeSecrets }: ProductionExportOptions): ProductionExport {
  const exported: ExportedWebhook[] = [];
  const files: ExportFile[] = [];
  const warnings: ProductionExportWarning[] = [];
  const stems = new Set<string>();
  if (deps.timeScale() !== 1) {
    warnings.push({ webhook: null, field: 'timeScale', message: `this workspace runs at ${deps.timeScale()}× time; production runs in real time` });
  }
  const selected = selectedWebhooks(deps.webhooks, webhookIds);
  for (const webhook of selected) {
    const profile = deps.profiles[webhook.vendor];
    const warn = (issue: ExportIssue) => warnings.push({ webhook: webhook.name, ...issue });
    const account = getVendorAccount(deps.accountDeps, webhook.vendor);
    const credentials = credentialsOf(deps.accountDeps, webhook, account, includeSecrets);
    const [shipped, shippedCredentials] = shippable(webhook, credentials);
    const { issues, script, ...format } = profile.exportWebhook(shipped, { credentials: shippedCredentials, account: account.settings, exported: selected });
    [...issues, ...hooklabOnlyIssues(webhook, profile, credentials)].forEach(warn);
    const entry: ExportedWebhook = { webhookId: webhook.id, webhookName: webhook.name, vendor: webhook.vendor, ...format };
    exported.push(entry);
    const stem = fileStem(webhook, stems);
    files.push({ name: `${stem}.json`, content: `${JSON.stringify(entry, null, 2)}\n` });
    if (entry.requests.length > 0) {
      files.push({ name: `${stem}.sh`, content: curlScript(`${profile.catalog.label}: webhook "${webhook.name}"`, entry.notes, entry.requests) });
    } else if (script) {
      files.push({ name: `${stem}.sh`, content: script });
    }
  }
  return { webhooks: exported, files, warnings };
}
