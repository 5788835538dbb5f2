import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { CatalogEvent, VendorCatalog } from '../../src-shared/domain/vendor.ts';
import type { RetryPolicy } from '../../src-shared/domain/retry-policy.ts';
import type { AuthProfile } from '../../src-shared/domain/auth-profile.ts';
import type { WebhookProductionFormat } from '../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import { NEVER_RETRIED } from '../engine/retry-policy.ts';

export type EntityState = Record<string, unknown>;

export interface GeneratedEntity {
  entityId: string;
  previousState: EntityState | null;
  currentState: EntityState | null;
}

export interface GenerateOptions {
  activity: string;
  /** Same seed, same entity: runs are reproducible. */
  seed: number;
  entityId?: string;
}

/** The webhook-side facts a payload needs. */
export interface PayloadTarget {
  webhookId: string;
  webhookName: string;
  includeData: boolean;
  /** This try's number over the whole delivery, from 1 (Zentitle2 sends it as `callAttempt`). */
  attempt: number;
  /** The webhook's vendor options (VendorCatalog.options), defaults filled in. */
  options: Readonly<Record<string, string>>;
  /** The vendor account's settings (VendorCatalog.accountFields), defaults filled in. */
  account: Readonly<Record<string, string>>;
}

export interface VendorPayload {
  headers: HttpHeaders;
  body: string;
}

/** The credentials a webhook's calls carry in production: its own auth profile, or the account's shared one. */
export interface ExportCredentials {
  profile: AuthProfile;
  /** The profile's secret (password, client secret, token), or its `{{…}}` placeholder unless secrets were asked for. */
  secret: string;
}

export interface WebhookExportContext {
  credentials: ExportCredentials | null;
  /** The vendor account's settings (VendorCatalog.accountFields), defaults filled in. */
  account: Readonly<Record<string, string>>;
  /** Every webhook of this export, in its order: where a vendor holds one URL per kind (FlexNet), several of one kind overwrite each other. */
  exported: readonly Webhook[];
}

/** Something about one webhook that the vendor's API cannot express. */
export interface ExportIssue {
  field: string;
  message: string;
}

/** A webhook in the vendor's production format, with what of it the vendor cannot express. */
export interface VendorWebhookExport extends WebhookProductionFormat {
  issues: ExportIssue[];
  /** A bash script for a vendor with no API calls to script (CloudEvents: what the service sends once registered). */
  script?: string;
}

/**
 * Everything that differs between vendors. The engine only talks to this interface, so a new
 * vendor is a new folder under src-main/vendors plus its catalog in src-shared/vendors.
 */
export interface VendorProfile {
  catalog: VendorCatalog;
  /** Used by webhooks without a policy of their own. */
  retryPolicy: RetryPolicy;
  /** Shown to users: where the default schedule comes from and whether it is an assumption. */
  retryPolicySource: string;
  generateEntity(event: CatalogEvent, options: GenerateOptions): GeneratedEntity;
  buildPayload(event: FiredEvent, target: PayloadTarget): VendorPayload;
  /**
   * CloudEvents webhook spec §4 (abuse protection): before the first delivery to an endpoint the
   * engine asks it, with an OPTIONS request naming `origin`, whether it wants deliveries at all.
   */
  endpointValidation?: { origin: string };
  /** The vendor's management-API form of a webhook (VENDORS.md), for setting up production. */
  exportWebhook(webhook: Webhook, context: WebhookExportContext): VendorWebhookExport;
}

/** A policy that overrides the webhook's and the vendor's for this event: the vendor's "Test" (VendorCatalog.testEvent) is never retried. */
export function retryPolicyFor(profile: VendorProfile, event: FiredEvent): RetryPolicy | null {
  return event.eventName === profile.catalog.testEvent?.name ? NEVER_RETRIED : null;
}

/** The auth profile a webhook's calls carry: the account's shared one for vendors with one credential per tenant (FlexNet), else the webhook's own. */
export function sendingAuthProfileId(catalog: VendorCatalog, webhook: Webhook, account: { authProfileId: string | null } | null): string | null {
  return catalog.auth.sharedPerAccount ? (account?.authProfileId ?? null) : webhook.authProfileId;
}
