import { z } from 'zod';
import { catalogEvents } from '../vendors/catalogs.ts';
import { CONDITION_MAX } from './condition.ts';
import { HTTP_URL_MAX, refineHttpUrl } from './http-url.ts';
import { idSchema } from './record-id.ts';
import { retryPolicySchema, type RetryPolicy } from './retry-policy.ts';
import { catalogNameSchema, VENDOR_IDS, vendorIdSchema, vendorValuesSchema, type VendorId } from './vendor.ts';
import type { SigningSecretSummary } from './webhook-signing.ts';

/** Characters Sentinel EMS accepts in an endpoint URL (seed 002, "Webhook Attributes"). */
export const ENDPOINT_URL_ALLOWED = /^[A-Za-z0-9\-._~:/?#@!$&()*+,;=]*$/;
export const WEBHOOK_NAME_MAX = 100;
export const DESCRIPTION_MAX = 500;
/** A webhook may subscribe to every event of the largest catalog, and filter on every activity of it, but no more. */
export const WEBHOOK_EVENTS_MAX = Math.max(...VENDOR_IDS.map((vendor) => catalogEvents(vendor).length));
export const WEBHOOK_ACTIVITIES_MAX = Math.max(...VENDOR_IDS.map((vendor) => new Set(catalogEvents(vendor).flatMap((event) => event.activities)).size));
/**
 * One deadline per try: connect, headers and the whole response body. 30 s is what vendors
 * commonly allow; the bounds keep a try from ending before a slow receiver can answer at all, and
 * from holding one of the engine's slots for minutes.
 */
export const WEBHOOK_TIMEOUT_DEFAULT_MS = 30_000;
export const WEBHOOK_TIMEOUT_MIN_MS = 1_000;
export const WEBHOOK_TIMEOUT_MAX_MS = 120_000;

export const webhookTimeoutSchema = z
  .number({ error: 'must be a number of milliseconds' })
  .int('must be a whole number of milliseconds')
  .min(WEBHOOK_TIMEOUT_MIN_MS, 'must be at least 1 s')
  .max(WEBHOOK_TIMEOUT_MAX_MS, 'must be at most 2 min');

export const endpointUrlSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(HTTP_URL_MAX, `must be at most ${HTTP_URL_MAX} characters`)
  // What a URL needs first: "not a url" is missing a scheme and a host more than it has spaces.
  .superRefine(refineHttpUrl)
  .regex(ENDPOINT_URL_ALLOWED, 'may contain only letters, digits and - _ . ~ : / ? # @ ! $ & ( ) * + , ; =');

export const webhookInputSchema = z.strictObject({
  vendor: vendorIdSchema.default('sentinel-ems'),
  name: z.string().trim().min(1, 'is required').max(WEBHOOK_NAME_MAX, `must be at most ${WEBHOOK_NAME_MAX} characters`),
  events: z
    .array(catalogNameSchema)
    .min(1, 'choose at least one event')
    .max(WEBHOOK_EVENTS_MAX, `must list at most ${WEBHOOK_EVENTS_MAX} events (every event of the largest catalog)`),
  endpointUrl: endpointUrlSchema,
  authProfileId: idSchema.nullable().default(null),
  /** Empty means every activity of the chosen event(s). */
  activities: z.array(catalogNameSchema).max(WEBHOOK_ACTIVITIES_MAX, `must list at most ${WEBHOOK_ACTIVITIES_MAX} activities`).default([]),
  includeData: z.boolean().default(true),
  enabled: z.boolean().default(true),
  description: z.string().max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`).default(''),
  /** Sentinel trigger condition (JEXL dialect); empty means every event that passes the activity filter. */
  condition: z.string().max(CONDITION_MAX, `must be at most ${CONDITION_MAX} characters`).default(''),
  /** null: the vendor profile's default policy. */
  retryPolicy: retryPolicySchema.nullable().default(null),
  /** The vendor's own webhook options (VendorCatalog.options), by key; missing keys take their default. */
  vendorOptions: vendorValuesSchema('option').default({}),
  /** The deadline of each try, in milliseconds. */
  timeoutMs: webhookTimeoutSchema.default(WEBHOOK_TIMEOUT_DEFAULT_MS),
});

export type WebhookInput = z.input<typeof webhookInputSchema>;
export type WebhookDraft = z.output<typeof webhookInputSchema>;

export interface Webhook {
  id: string;
  vendor: VendorId;
  name: string;
  events: string[];
  endpointUrl: string;
  authProfileId: string | null;
  activities: string[];
  includeData: boolean;
  enabled: boolean;
  description: string;
  condition: string;
  retryPolicy: RetryPolicy | null;
  vendorOptions: Record<string, string>;
  timeoutMs: number;
  /** Standard Webhooks secrets, oldest first; empty means requests go unsigned. */
  signingSecrets: SigningSecretSummary[];
  createdAt: number;
  updatedAt: number;
}

/** A webhook as input for updateWebhook: an update that changes some fields keeps the others as they are. */
export function webhookInputOf(webhook: Webhook): WebhookDraft {
  const { vendor, name, events, endpointUrl, authProfileId, activities, includeData, enabled, description, condition, retryPolicy, vendorOptions, timeoutMs } =
    webhook;
  return { vendor, name, events, endpointUrl, authProfileId, activities, includeData, enabled, description, condition, retryPolicy, vendorOptions, timeoutMs };
}
