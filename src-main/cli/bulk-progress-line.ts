import type { Unsubscribe } from '../../src-shared/contracts/contract-kit.ts';

/** An `onX` of the contract whose events count an operation's progress (bulkProgress, replayProgress). */
export type ProgressEvents = (listener: (progress: { operationId: string; done: number; total: number }) => void) => Unsubscribe;

/**
 * While a bulk operation runs, one line on stderr that counts up ("Retrying: 300/1200"), for a
 * person watching a terminal; scripts and pipes get only the result. Returns the function that
 * stops it and clears the line.
 */
export function showBulkProgress(onProgress: ProgressEvents, operationId: string, label: string, stream: NodeJS.WriteStream = process.stderr): () => void {
  if (!stream.isTTY) return () => {};
  let shown = false;
  const unsubscribe = onProgress((progress) => {
    if (progress.operationId !== operationId) return;
    stream.cursorTo(0);
    stream.write(`${label}: ${progress.done}/${progress.total}`);
    stream.clearLine(1);
    shown = true;
  });
  return () => {
    unsubscribe();
    if (!shown) return;
    stream.cursorTo(0);
    stream.clearLine(0);
  };
}
