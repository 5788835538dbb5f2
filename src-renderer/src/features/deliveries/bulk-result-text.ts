import type { BulkOperation, BulkResult } from '../../../../src-shared/domain/delivery.ts';
import { formatCount } from '../../format/count-format.ts';

const DONE: Record<BulkOperation, string> = { retry: 'retried', mark_successful: 'marked successful' };
export const RUNNING: Record<BulkOperation, string> = { retry: 'Retrying', mark_successful: 'Marking successful' };

/** "40 retried; 3 skipped: only failed deliveries can be retried" */
export function bulkResultText(result: BulkResult): string {
  const done = `${formatCount(result.changed)} ${DONE[result.operation]}`;
  if (result.skipped === 0) return done;
  return `${done}; ${formatCount(result.skipped)} skipped${result.skippedReason ? `: ${result.skippedReason}` : ''}`;
}
