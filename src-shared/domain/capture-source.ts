export const CAPTURE_IMPORT_FORMATS = ['hooklab', 'har', 'curl'] as const;
export type CaptureImportFormat = (typeof CAPTURE_IMPORT_FORMATS)[number];

/** Where an imported capture came from: the format, the file (if named) and the entry in it. */
export interface CaptureSource {
  kind: 'import';
  format: CaptureImportFormat;
  fileName: string | null;
  /** `entries[3]` (HAR), `[2]` (Hooklab JSON array), `line 5` (curl). */
  entry: string;
}
