import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';

/**
 * Changes lately seen on the feed: a fast delivery can succeed before the reply to the call that
 * queued it (fireEvent, replay) arrives, and what that reply shows must not stay "pending".
 */
const lateChanges = new Map<string, DeliverySummary>();
const LATE_CHANGES_KEPT = 1000;

export function rememberDeliveryChanges(changes: readonly DeliverySummary[]): void {
  for (const delivery of changes) {
    lateChanges.delete(delivery.id);
    lateChanges.set(delivery.id, delivery);
  }
  for (const id of lateChanges.keys()) {
    if (lateChanges.size <= LATE_CHANGES_KEPT) break;
    lateChanges.delete(id);
  }
}

/** The later of a delivery and its change (by default the one the feed lately brought). */
export function newerDelivery(delivery: DeliverySummary, changed = lateChanges.get(delivery.id)): DeliverySummary {
  return changed && changed.updatedAt >= delivery.updatedAt ? changed : delivery;
}

/** The delivery as the feed lately brought it, if it did. */
export function recentDeliveryChange(id: string): DeliverySummary | undefined {
  return lateChanges.get(id);
}
