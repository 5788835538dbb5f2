import { z } from 'zod';
import type { HttpHeaders } from './http-message.ts';
import { vendorIdSchema, type VendorId } from './vendor.ts';

/** The vendors whose management REST API Hooklab emulates (CloudEvents services have none). */
export const VENDOR_API_VENDORS = ['zentitle2', 'flexnet', 'sentinel-ems'] as const satisfies readonly VendorId[];
export type VendorApiVendor = (typeof VENDOR_API_VENDORS)[number];

/** One operation of an emulated API, as the Vendors page and `hooklab vendor api` list it. */
export interface VendorApiEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the vendor's base URL, path parameters in braces. */
  path: string;
  summary: string;
  /** True when the vendor's documentation does not give this path or body: a Hooklab choice. */
  assumed: boolean;
}

/** A credential the emulated API takes, to paste into the client's configuration. */
export interface VendorApiCredential {
  name: string;
  value: string;
  secret: boolean;
}

/** How to reach one vendor's emulated API. */
export interface VendorApiAccess {
  vendor: VendorApiVendor;
  label: string;
  /** Where the client's base URL points; null while the APIs are off or not listening in this process. */
  baseUrl: string | null;
  /** How a client authenticates, in a sentence. */
  authentication: string;
  credentials: VendorApiCredential[];
  /**
   * The production export's `{{NAME}}` placeholders for this vendor's API, with the values that
   * point them here: filled in, the exported curl scripts run against this workspace.
   */
  placeholders: Record<string, string>;
  endpoints: VendorApiEndpoint[];
  /** A curl command making a first authenticated call, credentials filled in: to try the API (null while it is not listening). */
  firstCall: string | null;
}

/** A choice Hooklab made where the vendor's documentation is silent; all of them live in vendor-api-assumptions.ts. */
export interface VendorApiAssumption {
  vendor: VendorApiVendor | null;
  subject: string;
  choice: string;
  why: string;
}

export interface VendorApisState {
  /** The setting: whether Hooklab serves the vendor APIs when it runs (desktop app, `hooklab serve`). */
  enabled: boolean;
  /** The origin they listen on (http://127.0.0.1:port), null when not listening in this process (off, or a CLI command without a running app). */
  url: string | null;
  /** The port they use (or will use when next started); null before the first start. */
  port: number | null;
  vendors: VendorApiAccess[];
  assumptions: readonly VendorApiAssumption[];
}

/** One call to an emulated API, request and response, as the live log shows it. */
export interface VendorApiCall {
  id: string;
  /** Null when the path belongs to no vendor's API (a 404). */
  vendor: VendorApiVendor | null;
  at: number;
  durationMs: number;
  method: string;
  /** Path and query as requested. */
  url: string;
  /** Credentials (Authorization) shortened so the log never shows a whole token or password. */
  requestHeaders: HttpHeaders;
  /** As text, at most VENDOR_API_LOG_BODY_MAX characters. */
  requestBody: string;
  status: number;
  responseHeaders: HttpHeaders;
  responseBody: string;
}

/** Calls kept in the live log (in memory only: it is gone when Hooklab stops). */
export const VENDOR_API_LOG_SIZE = 500;
export const VENDOR_API_LOG_BODY_MAX = 16 * 1024;

export const setVendorApisEnabledInputSchema = z.strictObject({ enabled: z.boolean({ error: 'must be true or false' }) });

export const listVendorApiCallsInputSchema = z
  .strictObject({
    vendor: vendorIdSchema.optional(),
    limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(VENDOR_API_LOG_SIZE, `must be at most ${VENDOR_API_LOG_SIZE}`).optional(),
  })
  .optional();
