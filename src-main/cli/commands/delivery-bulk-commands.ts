import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { parseInput } from '../../../src-shared/contracts/contract-kit.ts';
import { deliverySelectionSchema, type BulkOperation, type BulkResult, type DeliverySelection } from '../../../src-shared/domain/delivery.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { showBulkProgress } from '../bulk-progress-line.ts';
import { withWorkspace } from '../cli-context.ts';
import { toUsageError, UsageError } from '../cli-error.ts';
import { addDeliveryMatchOptions, deliveryMatchOf, withWebhookId, type DeliveryMatchOptions } from '../delivery-match-options.ts';
import { printJson } from '../output.ts';

interface BulkCommandSpec {
  name: string;
  description: string;
  /** What the progress line says while it runs, e.g. "Retrying". */
  progress: string;
  /** The result line's start, from "1 delivery" / "40 deliveries". */
  done: (count: string) => string;
  run: (api: AppApi, selection: DeliverySelection) => Promise<BulkResult>;
}

const deliveriesCount = (n: number) => `${n} ${n === 1 ? 'delivery' : 'deliveries'}`;

/** "Retried 40 deliveries; 3 skipped: …" */
function resultLine(spec: BulkCommandSpec, result: BulkResult): string {
  if (result.matched === 0) return 'No deliveries matched; nothing changed.';
  const skipped = result.skipped > 0 ? `; ${result.skipped} skipped${result.skippedReason ? `: ${result.skippedReason}` : ''}` : '';
  return `${spec.done(deliveriesCount(result.changed))}${skipped}`;
}

/** Ids or a search, never both or neither; checked before any engine starts, so a bad one changes nothing. */
function selectionOf(ids: string[], options: DeliveryMatchOptions): DeliverySelection & { operationId: string } {
  const match = deliveryMatchOf(options);
  const searchOptions = '--webhook, --event, --status, --from, --to';
  if (ids.length > 0 && match) throw new UsageError(`give delivery ids or search options (${searchOptions}), not both`);
  if (ids.length === 0 && !match) throw new UsageError(`say which deliveries: give their ids, or search options (${searchOptions})`);
  const selection = ids.length > 0 ? { ids, operationId: randomUUID() } : { match, operationId: randomUUID() };
  try {
    parseInput(deliverySelectionSchema, selection);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') throw toUsageError(error, { ids: '<ids>' });
    throw error;
  }
  return selection;
}

function bulkCommand(spec: BulkCommandSpec): Command {
  return addDeliveryMatchOptions(
    new Command(spec.name).description(spec.description).argument('[ids...]', 'delivery ids (or, instead, the search options below)'),
  )
    .option('--json', 'print JSON: the result, {operationId, operation, matched, changed, skipped, skippedByStatus, skippedReason}')
    .action(async (ids: string[], options: DeliveryMatchOptions & { json?: boolean }, command: Command) => {
      const selection = selectionOf(ids, options);
      await withWorkspace(command, async ({ api }) => {
        const stopProgress = showBulkProgress(api.onBulkProgress, selection.operationId, spec.progress);
        let result: BulkResult;
        try {
          result = await spec.run(api, { ...selection, match: await withWebhookId(api, selection.match) });
        } finally {
          stopProgress();
        }
        if (options.json) printJson(result);
        else console.log(resultLine(spec, result));
      });
    });
}

const BULK_COMMANDS: Record<BulkOperation, BulkCommandSpec> = {
  retry: {
    name: 'retry',
    description: 'retry failed deliveries, by id or all matching a search: each gets a new round of tries (others are skipped)',
    progress: 'Retrying',
    done: (count) => `Retried ${count}`,
    run: (api, selection) => api.retryDeliveries(selection),
  },
  mark_successful: {
    name: 'mark-successful',
    description: 'mark failed deliveries successful, by id or all matching a search: they leave the failure queue (others are skipped)',
    progress: 'Marking successful',
    done: (count) => `Marked ${count} successful`,
    run: (api, selection) => api.markDeliveriesSuccessful(selection),
  },
};

export const retryCommand = () => bulkCommand(BULK_COMMANDS.retry);
export const markSuccessfulCommand = () => bulkCommand(BULK_COMMANDS.mark_successful);
