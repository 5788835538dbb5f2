import type { CaptureSummary } from './capture.ts';

/** The request target as the sender wrote it: the bin prefix, the path under it, the query. */
export function captureTarget(capture: CaptureSummary): string {
  const path = `/r/${capture.bin}${capture.path === '/' ? '' : capture.path}`;
  return capture.query ? `${path}?${capture.query}` : path;
}
