import { z } from 'zod';
import type { AuthProfileKind } from './auth-profile.ts';

export const VENDOR_IDS = ['sentinel-ems', 'flexnet', 'zentitle2', 'cloudevents'] as const;
export const vendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof vendorIdSchema>;

export type CatalogOperation = 'Create' | 'Update' | 'Delete';

/** One event of a vendor's catalog, named exactly as the vendor names it. */
export interface CatalogEvent {
  name: string;
  entity: string;
  operation: CatalogOperation;
  activities: readonly string[];
  /** Whether the vendor lets a webhook on this event carry a trigger condition. */
  conditionsAllowed: boolean;
}

export interface CatalogEntity {
  name: string;
  /** Extra words shown next to the entity, e.g. "the User entity". */
  note?: string;
  events: readonly CatalogEvent[];
}

/** How a vendor authenticates its calls: what the webhook form offers and where credentials live. */
export interface VendorAuthModel {
  /** Auth profile kinds a webhook of this vendor may use. */
  kinds: readonly AuthProfileKind[];
  /**
   * FlexNet: one credential pair for all of a tenant's webhooks. The webhook form shows the
   * account's auth profile instead of a picker, and the engine uses the account's profile.
   */
  sharedPerAccount: boolean;
  /** Shown beside the auth choice: what the seed says (and what is assumed). */
  note: string;
}

/** The vendor's own signature on every call, beside the optional Standard Webhooks signing. */
export type VendorSignature = 'none' | 'n-signature';

/** A choice a webhook of this vendor makes (CloudEvents: structured or binary content mode). */
export interface VendorOption {
  key: string;
  label: string;
  choices: readonly { value: string; label: string }[];
  default: string;
  help: string;
}

/** A text setting the vendor keeps per tenant/account (FlexNet: tenant, user id). */
export interface VendorAccountField {
  key: string;
  label: string;
  default: string;
  help: string;
}

export interface VendorCatalog {
  vendor: VendorId;
  label: string;
  /** What users should know about the whole catalog, shown wherever the vendor is chosen (e.g. which parts are assumptions). */
  note?: string;
  entities: readonly CatalogEntity[];
  auth: VendorAuthModel;
  signature: VendorSignature;
  /** Whether a webhook may leave the entity's state out of its calls (Sentinel's "Include Data"); otherwise it is always sent. */
  includeDataChoice: boolean;
  options: readonly VendorOption[];
  accountFields: readonly VendorAccountField[];
  /**
   * FlexNet: a webhook is one subscription to one category (entitlement, product, device), each
   * category with its own URL, so a webhook's events must all belong to one entity.
   */
  oneEntityPerWebhook?: boolean;
  /**
   * The vendor's "Test" action on one webhook (Zentitle2): sent to that webhook only, with an
   * empty payload, never retried. Not among `entities`: webhooks cannot subscribe to it.
   */
  testEvent?: CatalogEvent;
}
