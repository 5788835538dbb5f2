import { z } from 'zod';
import type { AuthProfileKind } from './auth-profile.ts';

export const VENDOR_IDS = ['sentinel-ems', 'flexnet', 'zentitle2', 'cloudevents'] as const;
export const vendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof vendorIdSchema>;

/** Event names, activities and option keys are catalog words; the longest is some 40 characters. */
export const CATALOG_NAME_MAX = 200;
export const catalogNameSchema = z.string().min(1, 'must not be empty').max(CATALOG_NAME_MAX, `must be at most ${CATALOG_NAME_MAX} characters`);

/** A webhook's vendor options or an account's settings: a few keys in every catalog, short values. */
export const VENDOR_VALUES_MAX = 50;
export const VENDOR_VALUE_MAX = 2000;

export function vendorValuesSchema(what: 'option' | 'setting') {
  return (
    z
      .record(z.string(), z.string({ error: `${what} values must be text` }).max(VENDOR_VALUE_MAX, `must be at most ${VENDOR_VALUE_MAX} characters`))
      // Checked here rather than in the key schema, whose message zod replaces with "Invalid key in record".
      .superRefine((values, ctx) => {
        const keys = Object.keys(values);
        if (keys.length > VENDOR_VALUES_MAX) ctx.addIssue({ code: 'custom', message: `must have at most ${VENDOR_VALUES_MAX} ${what}s` });
        for (const key of keys.filter((candidate) => candidate.length > CATALOG_NAME_MAX)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${what} names must be at most ${CATALOG_NAME_MAX} characters` });
        }
      })
  );
}

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
  /** The only values it takes (FlexNet includeLineItemCustomAttributes: "true" or "false"); absent: any text. */
  choices?: readonly string[];
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
  /** The body key that carries the webhook's name in every call (Sentinel's `webhookName`); absent where the name stays in Hooklab. */
  nameInPayload?: string;
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
