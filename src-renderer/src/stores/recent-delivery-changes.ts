import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';

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

/**
 * A delivery as the feed lately brought it, else as read from the engine (a change that came
 * meanwhile wins over what was read). Rejects when the read fails: each caller decides what that means.
 */
export async function readDelivery(id: string): Promise<DeliverySummary> {
  return recentDeliveryChange(id) ?? newerDelivery((await appApi().getDelivery({ id })).delivery);
}

/** A record of tracked deliveries with the feed's changes to them applied; the same record when none is tracked. */
export function mergeDeliveryChanges(
  record: Readonly<Record<string, DeliverySummary>>,
  changes: readonly DeliverySummary[],
  isTracked: (id: string) => boolean,
): Readonly<Record<string, DeliverySummary>> {
  const updates: Record<string, DeliverySummary> = {};
  for (const change of changes) {
    if (!isTracked(change.id)) continue;
    const known = updates[change.id] ?? record[change.id];
    updates[change.id] = known ? newerDelivery(known, change) : change;
  }
  return Object.keys(updates).length > 0 ? { ...record, ...updates } : record;
}
