import { z } from 'zod';

/**
 * How much the receiver keeps per workspace. Any local process can post to the receiver, so
 * captures are bounded: when a new capture goes over either limit, the captures stored longest
 * ago are pruned in the same write, down to 1% under that limit (see CaptureRetentionRepository
 * .prune), and every prune is announced (`capturesPruned`) and counted.
 *
 * Defaults: 10,000 captures (a long day of busy testing, still instant to list) and 512 MiB
 * (eight of the largest bodies the receiver accepts, and small next to any disk).
 */
export const CAPTURE_RETENTION_DEFAULTS = { maxCount: 10_000, maxBytes: 512 * 1024 * 1024 } as const;
export const CAPTURE_RETENTION_MAX_COUNT = 1_000_000;
export const CAPTURE_RETENTION_MIN_BYTES = 1024 * 1024;
export const CAPTURE_RETENTION_MAX_BYTES = 64 * 1024 ** 3;

export const captureRetentionLimitsSchema = z.strictObject({
  maxCount: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, `must be from 1 to ${CAPTURE_RETENTION_MAX_COUNT}`)
    .max(CAPTURE_RETENTION_MAX_COUNT, `must be from 1 to ${CAPTURE_RETENTION_MAX_COUNT}`),
  maxBytes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of bytes')
    .min(CAPTURE_RETENTION_MIN_BYTES, `must be from ${CAPTURE_RETENTION_MIN_BYTES} (1 MiB) to ${CAPTURE_RETENTION_MAX_BYTES} (64 GiB)`)
    .max(CAPTURE_RETENTION_MAX_BYTES, `must be from ${CAPTURE_RETENTION_MIN_BYTES} (1 MiB) to ${CAPTURE_RETENTION_MAX_BYTES} (64 GiB)`),
});
export type CaptureRetentionLimits = z.output<typeof captureRetentionLimitsSchema>;

/** Limits left out stay as they are. */
export const setCaptureRetentionInputSchema = captureRetentionLimitsSchema.partial();
export type SetCaptureRetentionInput = z.input<typeof setCaptureRetentionInputSchema>;

export interface CaptureRetention extends CaptureRetentionLimits {
  /** What the workspace holds now; a capture's size is its body plus its headers. */
  storedCount: number;
  storedBytes: number;
  /** Pruned by the limits since the workspace was made (deletions by hand are not counted). */
  prunedCount: number;
  prunedBytes: number;
}

export type CaptureRetentionLimit = keyof CaptureRetentionLimits;

/** One prune: the oldest captures removed to get back under the limits that were exceeded. */
export interface CapturesPruned {
  count: number;
  bytes: number;
  exceeded: CaptureRetentionLimit[];
  /** A capture (received or imported) went over the limits, or the limits were lowered. */
  cause: 'capture' | 'limits-lowered';
  retention: CaptureRetention;
}
