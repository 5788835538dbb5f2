import type { KeyObject } from 'node:crypto';
import type { HttpHeaders } from '../../src-shared/domain/delivery.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { CatalogEvent, VendorCatalog } from '../../src-shared/domain/vendor.ts';
import type { RetryPolicy } from '../../src-shared/domain/retry-policy.ts';
import type { AuthProfile } from '../../src-shared/domain/auth-profile.ts';
import type { ProductionRequest } from '../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';

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
}

/** Something about one webhook that the vendor's API cannot express. */
export interface ExportIssue {
  field: string;
  message: string;
}

/** A webhook in the vendor's production format: API calls, or a description where the vendor has no API. */
export interface VendorWebhookExport {
  requests: ProductionRequest[];
  registration: Record<string, unknown> | null;
  notes: string[];
  issues: ExportIssue[];
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
   * Headers that sign the exact body with the account's private key; called for vendors whose
   * catalog has a `signature` other than 'none' (Zentitle2 `N-Signature`).
   */
  signBody?(body: string, privateKey: KeyObject): HttpHeaders;
  /** A policy that overrides the webhook's and the vendor's for this event (Zentitle2 "Test": never retried). */
  retryPolicyFor?(event: FiredEvent): RetryPolicy | null;
  /**
   * CloudEvents webhook spec §4 (abuse protection): before the first delivery to an endpoint the
   * engine asks it, with an OPTIONS request naming `origin`, whether it wants deliveries at all.
   */
  endpointValidation?: { origin: string };
  /** The vendor's management-API form of a webhook (VENDORS.md), for setting up production. */
  exportWebhook?(webhook: Webhook, context: WebhookExportContext): VendorWebhookExport;
}
