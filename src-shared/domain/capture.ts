import { z } from 'zod';
import { binNameSchema } from './bin-name.ts';
import type { BinReplyMode, BinScript } from './bin-script.ts';
import type { CaptureSource } from './capture-source.ts';
import type { HttpHeaders } from './http-message.ts';
import type { SignatureCheck } from './webhook-signing.ts';

/** Largest body the receiver accepts and an import keeps; bodies are stored whole, never truncated. */
export const CAPTURE_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export const deleteCaptureInputSchema = z.strictObject({ id: z.string().min(1, 'is required') });
export const clearBinInputSchema = z.strictObject({ bin: binNameSchema });

export interface ClearedBin {
  bin: string;
  /** How many captures were deleted. */
  deleted: number;
}

/** Captures deleted by hand: one (`captureId`) or all of a bin's (`captureId` null). */
export interface CapturesDeleted {
  bin: string;
  captureId: string | null;
  count: number;
}

export const CAPTURE_SEARCH_MAX = 200;

export const captureFilterSchema = z
  .strictObject({
    bin: binNameSchema.optional(),
    /** Text the path and query, the body or the plain headers hold, in any case (sealed credential headers are not searched). */
    search: z.string().trim().min(1, 'must not be empty').max(CAPTURE_SEARCH_MAX, `must be at most ${CAPTURE_SEARCH_MAX} characters`).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ limit: 200 });

export type CaptureFilter = z.input<typeof captureFilterSchema>;
export type CaptureQuery = z.output<typeof captureFilterSchema>;

export interface CaptureSummary {
  id: string;
  bin: string;
  method: string;
  path: string;
  query: string;
  contentType: string | null;
  bodySize: number;
  receivedAt: number;
  remoteAddress: string;
  /** The HTTP status the receiver answered with; 0 when it sent none (`replyMode` hang or close). */
  replyStatus: number;
  replyMode: BinReplyMode;
  /** Standard Webhooks verification; null when the bin expects no signature. */
  signature: SignatureCheck | null;
  /** Zentitle2 `N-Signature` verification; null when the request carries none and the bin expects none. */
  nSignature: SignatureCheck | null;
  /** The bin's expected Authorization (Basic, Bearer, a token the receiver issued); null when it expects none. */
  auth: AuthCheck | null;
  /** Null for what the receiver captured itself. */
  source: CaptureSource | null;
}

/**
 * The receiver's verdict on a request's Authorization header, shaped as a signature's: the reason
 * says why it failed, or what it proved (e.g. "Basic as user1", "token issued to client …").
 */
export type AuthCheck = SignatureCheck;

/** A body is text when it decodes as UTF-8, otherwise base64 of the raw bytes. */
export type CaptureBody = { encoding: 'utf8'; text: string } | { encoding: 'base64'; base64: string };

export interface CaptureDetail extends CaptureSummary {
  headers: HttpHeaders;
  body: CaptureBody;
}

export interface Bin {
  name: string;
  url: string;
  captureCount: number;
  createdAt: number;
  /** How the receiver answers requests to this bin. */
  script: BinScript;
}
