import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';

/** Who sent it: the peer's address, or for an import the file (or paste) and the entry in it. */
export function captureOrigin(capture: CaptureSummary): string {
  const { source } = capture;
  if (!source) return capture.remoteAddress;
  return `${source.fileName ?? `pasted ${source.format}`}, ${source.entry}`;
}
