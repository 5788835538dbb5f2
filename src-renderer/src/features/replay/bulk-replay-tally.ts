import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import type { ReplayCapturesResult } from '../../../../src-shared/domain/replay.ts';

export interface BulkReplayTally {
  /** Replays queued, one delivery each. */
  sent: number;
  /** Deliveries that succeeded (or were marked so). */
  delivered: number;
  /** Deliveries that failed for good, plus captures whose replay could not be queued. */
  failed: number;
  /** Deliveries still being tried (pending, in progress, retrying). */
  underWay: number;
  /** Captures that cannot be replayed (e.g. not text and re-signed). */
  skipped: number;
}

/** Where a bulk replay stands, from its result and its deliveries as they are now. */
export function tallyBulkReplay(result: ReplayCapturesResult, deliveries: Readonly<Record<string, DeliverySummary>>): BulkReplayTally {
  let delivered = 0;
  let failedDeliveries = 0;
  for (const id of result.deliveryIds) {
    const status = deliveries[id]?.status;
    if (status === 'succeeded' || status === 'marked_successful') delivered += 1;
    else if (status === 'failed') failedDeliveries += 1;
  }
  return {
    sent: result.sent,
    delivered,
    failed: failedDeliveries + result.failed.length,
    underWay: result.sent - delivered - failedDeliveries,
    skipped: result.skipped.length,
  };
}
