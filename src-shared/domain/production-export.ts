import { z } from 'zod';
import { idSchema } from './record-id.ts';
import type { VendorId } from './vendor.ts';

export const PRODUCTION_EXPORT_WEBHOOKS_MAX = 1000;

export const productionExportInputSchema = z
  .strictObject({
    /** Absent: every webhook. */
    webhookIds: z
      .array(idSchema)
      .min(1, 'give at least one webhook id')
      .max(PRODUCTION_EXPORT_WEBHOOKS_MAX, `must list at most ${PRODUCTION_EXPORT_WEBHOOKS_MAX} webhooks; leave it out for all`)
      .optional(),
    /** Off by default: secrets are written as `{{…}}` placeholders unless asked for. */
    includeSecrets: z.boolean().default(false),
  })
  .default({ includeSecrets: false });

export type ProductionExportOptions = z.output<typeof productionExportInputSchema>;

/**
 * One call to a vendor's management API. `url` starts with the base URL as a `{{…}}`
 * placeholder: the host (and for Sentinel EMS the resource paths) are the user's to fill in.
 */
export interface ProductionRequest {
  /** The vendor's name for the operation, e.g. "Add Webhook". */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** May use `${NAME}` for a value an earlier request kept (see `keep`). */
  url: string;
  /** Values may use `${NAME}` for a value an earlier request kept (see `keep`). */
  headers: Record<string, string>;
  /** The JSON body; null: none. */
  body: unknown;
  /** HTTP Basic credentials for the API itself (curl --user); placeholders, or values kept earlier. */
  basicAuth?: { username: string; password: string };
  /** Fields sent form-encoded instead of a JSON body (an OAuth token request). */
  form?: Record<string, string>;
  /** Error statuses after which the script goes on: 409 on an add means it is there already. */
  alsoAccepted?: number[];
  /** Keeps a string field of the JSON response (a token) for later requests, which use it as `${variable}`. */
  keep?: { field: string; variable: string };
}

/** A webhook in its vendor's production format: API calls, or (no API) a description to hand over. */
export interface WebhookProductionFormat {
  /** Empty when the vendor has no API to register with (CloudEvents: professional services). */
  requests: ProductionRequest[];
  /** Set when there are no requests: what to hand to whoever registers the webhook. */
  registration: Record<string, unknown> | null;
  /** Where the format comes from and which parts are assumptions. */
  notes: string[];
}

/** What a webhook becomes in production, and which webhook it is. */
export interface ExportedWebhook extends WebhookProductionFormat {
  webhookId: string;
  webhookName: string;
  vendor: VendorId;
}

/** Something the vendor cannot express; `webhook` is null for workspace-wide settings. */
export interface ProductionExportWarning {
  webhook: string | null;
  field: string;
  message: string;
}

export interface ExportFile {
  name: string;
  content: string;
}

export interface ProductionExport {
  webhooks: ExportedWebhook[];
  /** Per webhook: `<name>.json` (the requests or registration) and `<name>.sh`: curl for the requests, or (CloudEvents) a try of the registration. */
  files: ExportFile[];
  warnings: ProductionExportWarning[];
}

/** An export file's permissions on disk or in the zip: scripts executable; with secrets in them, nothing readable by other users. */
export function exportFileMode(name: string, withSecrets: boolean): number {
  return (name.endsWith('.sh') ? 0o100 : 0) | (withSecrets ? 0o600 : 0o644);
}

export function placeholder(name: string): string {
  return `{{${name}}}`;
}
