import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BulkOperation, BulkProgress, BulkResult, DeliverySelectionQuery, DeliveryStatus, DeliverySummary } from '../../src-shared/domain/delivery.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Clock } from '../engine/clock.ts';
import type { DeliveryRepository, DeliveryState } from '../storage/delivery-repository.ts';

/**
 * Deliveries changed per statement. Small enough that the dispatcher and the UI get the event
 * loop back every few milliseconds during a 100,000-delivery operation; large enough that the
 * per-statement cost does not dominate.
 */
export const BULK_CHUNK = 500;

export interface DeliveryOperationDeps {
  deliveries: DeliveryRepository;
  clock: Clock;
  onDeliveryChanged(delivery: DeliverySummary): void;
  onProgress(progress: BulkProgress): void;
  /** Deliveries became due (a retry round started). */
  onDue(): void;
}

/** One bulk operation: the statuses it applies to, what the others are told, and the change itself. */
interface BulkSpec {
  operation: BulkOperation;
  appliesTo: readonly DeliveryStatus[];
  /** Changes those of `rowids` still in a status it applies to; returns the rowids changed. */
  apply(rowids: number[], now: number): number[];
  /** After a chunk changed deliveries. */
  afterChange?(): void;
}

const RETRYABLE: readonly DeliveryStatus[] = ['failed'];

/** What the deliveries an operation skips for their state are told. */
const REFUSALS: Readonly<Record<BulkOperation, string>> = {
  retry: 'only failed deliveries can be retried',
  mark_successful: 'only failed deliveries can be marked successful',
};
const REDELIVERABLE: readonly DeliveryStatus[] = ['succeeded', 'marked_successful'];

/** Seed 002: "Retry Event … one by event ID or many by filter"; in progress or retrying ones cannot be. */
export function retryDeliveries(deps: DeliveryOperationDeps, selection: DeliverySelectionQuery): Promise<BulkResult> {
  return runBulk(deps, selection, {
    operation: 'retry',
    appliesTo: RETRYABLE,
    apply: (rowids, now) => deps.deliveries.startRound(rowids, RETRYABLE, 'manual_retry', now),
    afterChange: deps.onDue,
  });
}

/** Seed 002, "Mark as Bulk Successful": failed ones become successful and leave the failure queue. */
export function markDeliveriesSuccessful(deps: DeliveryOperationDeps, selection: DeliverySelectionQuery): Promise<BulkResult> {
  return runBulk(deps, selection, {
    operation: 'mark_successful',
    appliesTo: ['failed'],
    apply: (rowids, now) => deps.deliveries.markSuccessful(rowids, now),
  });
}

/** The same event again (same event id, so a receiver can de-duplicate), in a new round of tries. */
export function redeliverDelivery(deps: DeliveryOperationDeps, id: string): DeliverySummary {
  const [state] = deps.deliveries.statesOf([id]);
  if (!state) throw new AppError('not_found', `No delivery has id "${id}"`);
  if (!REDELIVERABLE.includes(state.status)) {
    const hint = state.status === 'failed' ? '; retry a failed one instead' : '';
    throw new AppError('conflict', `This delivery is ${statusWords(state.status)}: only succeeded or marked successful deliveries can be re-delivered${hint}`, {
      status: state.status,
    });
  }
  deps.deliveries.startRound([state.rowid], REDELIVERABLE, 'redelivery', deps.clock.now());
  const [updated] = deps.deliveries.deliveriesAt([state.rowid]);
  deps.onDeliveryChanged(updated);
  deps.onDue();
  return updated;
}

interface Chunk {
  /** Deliveries the selection names in this chunk (including unknown ids). */
  named: number;
  found: DeliveryState[];
}

function* idChunks(deliveries: DeliveryRepository, ids: readonly string[]): Generator<Chunk> {
  for (let start = 0; start < ids.length; start += BULK_CHUNK) {
    const named = ids.slice(start, start + BULK_CHUNK);
    yield { named: named.length, found: deliveries.statesOf(named) };
  }
}

function* rowidChunks(deliveries: DeliveryRepository, rowids: readonly number[]): Generator<Chunk> {
  for (let start = 0; start < rowids.length; start += BULK_CHUNK) {
    const named = rowids.slice(start, start + BULK_CHUNK);
    yield { named: named.length, found: deliveries.statesAt(named) };
  }
}

/**
 * A selection by match is the deliveries matching when the operation starts (a snapshot of their
 * rowids), so deliveries that a chunk changes, or that arrive meanwhile, are not visited twice.
 * Each chunk's statuses are read and changed in the same synchronous step, so nothing else runs
 * between the decision and the change.
 */
async function runBulk(deps: DeliveryOperationDeps, selection: DeliverySelectionQuery, spec: BulkSpec): Promise<BulkResult> {
  const operationId = selection.operationId ?? randomUUID();
  const ids = selection.ids === undefined ? null : [...new Set(selection.ids)];
  const rowids = ids === null ? deps.deliveries.rowidsMatching(selection.match!) : [];
  const total = ids?.length ?? rowids.length;
  const chunks = ids === null ? rowidChunks(deps.deliveries, rowids) : idChunks(deps.deliveries, ids);
  const skippedByStatus = new Map<DeliveryStatus, number>();
  let unknown = 0;
  let done = 0;
  let changed = 0;

  for (const { named, found } of chunks) {
    const applicable: number[] = [];
    for (const { rowid, status } of found) {
      if (spec.appliesTo.includes(status)) applicable.push(rowid);
      else skippedByStatus.set(status, (skippedByStatus.get(status) ?? 0) + 1);
    }
    unknown += named - found.length;
    const changedRowids = applicable.length === 0 ? [] : spec.apply(applicable, deps.clock.now());
    changed += changedRowids.length;
    done += named;
    for (const delivery of deps.deliveries.deliveriesAt(changedRowids)) deps.onDeliveryChanged(delivery);
    if (changedRowids.length > 0) spec.afterChange?.();
    deps.onProgress({ operationId, operation: spec.operation, done, total });
    if (done < total) await nextTurn();
  }
  if (total === 0) deps.onProgress({ operationId, operation: spec.operation, done, total });

  return {
    operationId,
    operation: spec.operation,
    matched: total,
    changed,
    skipped: total - changed,
    skippedByStatus: Object.fromEntries(skippedByStatus),
    skippedReason: skippedReason(spec.operation, skippedByStatus, unknown),
  };
}

function statusWords(status: DeliveryStatus): string {
  return status.replace('_', ' ');
}

/**
 * "only failed deliveries can be retried: 2 retrying, 1 succeeded were skipped; 3 ids match no delivery".
 * Also for results added up from several operations (the vendor APIs split a selection).
 */
export function skippedReason(operation: BulkOperation, byStatus: ReadonlyMap<DeliveryStatus, number>, unknown: number): string | null {
  const parts: string[] = [];
  if (byStatus.size > 0) {
    const counts = [...byStatus].map(([status, count]) => `${count} ${statusWords(status)}`).join(', ');
    parts.push(`${REFUSALS[operation]}: ${counts} ${[...byStatus.values()].reduce((a, b) => a + b) === 1 ? 'was' : 'were'} skipped`);
  }
  if (unknown > 0) parts.push(`${unknown} ${unknown === 1 ? 'id matches' : 'ids match'} no delivery`);
  return parts.length === 0 ? null : parts.join('; ');
}
