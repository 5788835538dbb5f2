import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';

/** What the receiver answered: a status, or that it sent none (a hang or a dropped connection). */
export function captureReply(capture: CaptureSummary): { text: string; ok: boolean } {
  if (capture.replyMode === 'hang') return { text: 'No answer (hung)', ok: false };
  if (capture.replyMode === 'close') return { text: 'Connection closed', ok: false };
  return { text: `Replied ${capture.replyStatus}`, ok: capture.replyStatus < 400 };
}
