import { z } from 'zod';
import { binNameSchema, type CaptureSummary } from './capture.ts';

export const CAPTURE_IMPORT_FORMATS = ['hooklab', 'har', 'curl'] as const;
export type CaptureImportFormat = (typeof CAPTURE_IMPORT_FORMATS)[number];

export const DEFAULT_IMPORT_BIN = 'imported';

export const importCapturesInputSchema = z.strictObject({
  /** `auto` tells the format by the content: JSON with `log.entries` is HAR, other JSON Hooklab, `curl …` curl. */
  format: z.enum(['auto', ...CAPTURE_IMPORT_FORMATS]).default('auto'),
  text: z.string(),
  bin: binNameSchema.default(DEFAULT_IMPORT_BIN),
  /** Where the text came from (a file name), kept in each capture's source. */
  fileName: z.string().max(500, 'must be at most 500 characters').optional(),
});

export type ImportCapturesInput = z.input<typeof importCapturesInputSchema>;
export type ImportCapturesRequest = z.output<typeof importCapturesInputSchema>;

export interface ImportedCaptures {
  bin: string;
  captures: CaptureSummary[];
}
