import type { AppApi } from '../../src-shared/contracts/app-contract.ts';

/**
 * While a bulk operation runs, one line on stderr that counts up ("Retrying: 300/1200"), for a
 * person watching a terminal; scripts and pipes get only the result. Returns the function that
 * stops it and clears the line.
 */
export function showBulkProgress(api: AppApi, operationId: string, label: string, stream: NodeJS.WriteStream = process.stderr): () => void {
  if (!stream.isTTY) return () => {};
  let shown = false;
  const unsubscribe = api.onBulkProgress((progress) => {
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
