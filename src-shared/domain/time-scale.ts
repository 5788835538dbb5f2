import { z } from 'zod';

/** How much faster than real time the engine's (vendor) clock runs: an hour of retries in a minute or a second. */
export const TIME_SCALES = [1, 60, 3600] as const;
export type TimeScale = (typeof TIME_SCALES)[number];

export const timeScaleSchema = z.strictObject({
  scale: z.literal(TIME_SCALES, { error: `must be one of ${TIME_SCALES.join(', ')}` }),
});

export interface TimeScaleState {
  scale: TimeScale;
  /** The engine's clock now (vendor time, epoch ms): retries and captures are stamped with it. */
  vendorNow: number;
  /** Real (wall-clock) time when `vendorNow` was read: where the engine clock stands against it. */
  realNow: number;
}
