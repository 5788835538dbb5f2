import { z } from 'zod';
import { binNameSchema } from './bin-name.ts';
import type { CaptureSummary } from './capture.ts';
import { CAPTURE_IMPORT_FORMATS } from './capture-source.ts';

export const DEFAULT_IMPORT_BIN = 'imported';
/** An import file is read whole, in memory: under the serve API's 64 MB body limit, so the error names the field. */
export const CAPTURE_IMPORT_TEXT_MAX = 50_000_000;
/** Past this an import is flagged with its size before it is sent: it is read whole and takes a while. */
export const CAPTURE_IMPORT_LARGE_CHARS = 5_000_000;
/** Requests one import makes into captures: a big HAR, not a traffic dump. */
export const CAPTURE_IMPORT_REQUESTS_MAX = 10_000;

export const importCapturesInputSchema = z.strictObject({
  /** `auto` tells the format by the content: JSON with `log.entries` is HAR, other JSON Hooklab, `curl …` curl. */
  format: z.enum(['auto', ...CAPTURE_IMPORT_FORMATS]).default('auto'),
  text: z.string().max(CAPTURE_IMPORT_TEXT_MAX, `must be at most ${CAPTURE_IMPORT_TEXT_MAX} characters`),
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
