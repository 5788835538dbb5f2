import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';

/**
 * What the receiver answered: a status, or that it sent none (a hang or a dropped connection).
 * `ok` null: nothing to judge (an imported request that was never sent to this receiver).
 */
export function captureReply(capture: CaptureSummary): { text: string; ok: boolean | null } {
  if (capture.source && capture.replyStatus === 0) return { text: 'Imported, not answered here', ok: null };
  if (capture.replyMode === 'hang') return { text: 'No answer (hung)', ok: false };
  if (capture.replyMode === 'close') return { text: 'Connection closed', ok: false };
  return { text: `Replied ${capture.replyStatus}`, ok: capture.replyStatus < 400 };
}
