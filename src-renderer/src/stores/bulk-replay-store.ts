import { create } from 'zustand';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import type { ReplayCapturesInput, ReplayCapturesResult, ReplayProgress } from '../../../src-shared/domain/replay.ts';
import { appApi } from '../api/app-api.ts';
import { mergeDeliveryChanges, newerDelivery, readDelivery, recentDeliveryChange } from './recent-delivery-changes.ts';

interface BulkReplayState {
  running: boolean;
  /** Stop was asked for; the engine ends the replay before its next capture. */
  stopping: boolean;
  operationId: string | null;
  progress: ReplayProgress | null;
  result: ReplayCapturesResult | null;
  /** The replays' deliveries by id, following the live feed once the result names them. */
  deliveries: Readonly<Record<string, DeliverySummary>>;
  /** Rejects with the raw error so the dialog can place field issues. */
  run(input: Omit<ReplayCapturesInput, 'operationId'>): Promise<void>;
  stop(): Promise<void>;
  /** Forgets the last run (not a running one). */
  reset(): void;
  /** Progress of any bulk replay; only ours is kept. */
  applyProgress(progress: ReplayProgress): void;
  applyDeliveryChanges(changes: readonly DeliverySummary[]): void;
}

/**
 * Replays that settled before the result arrived are known from the feed; the others (beyond what
 * it keeps) are read once, and a change that came meanwhile wins over what was read.
 */
async function readUnknownDeliveries(ids: readonly string[]): Promise<void> {
  const read = await Promise.all(ids.map((id) => readDelivery(id)));
  const { deliveries } = useBulkReplay.getState();
  useBulkReplay.setState({
    deliveries: { ...deliveries, ...Object.fromEntries(read.map((delivery) => [delivery.id, newerDelivery(delivery, deliveries[delivery.id])])) },
  });
}

export const useBulkReplay = create<BulkReplayState>()((set, get) => ({
  running: false,
  stopping: false,
  operationId: null,
  progress: null,
  result: null,
  deliveries: {},
  async run(input) {
    if (get().running) return;
    const operationId = crypto.randomUUID();
    set({ running: true, operationId, progress: null, result: null, deliveries: {} });
    try {
      const result = await appApi().replayCaptures({ ...input, operationId });
      // From here on the feed updates these deliveries; nothing may come between the reply and this.
      const known = result.deliveryIds.flatMap((id) => recentDeliveryChange(id) ?? []);
      set({ result, deliveries: Object.fromEntries(known.map((delivery) => [delivery.id, delivery])) });
      const unknown = result.deliveryIds.filter((id) => !get().deliveries[id]);
      if (unknown.length > 0) await readUnknownDeliveries(unknown);
    } finally {
      set({ running: false, stopping: false });
    }
  },
  async stop() {
    const { running, stopping, operationId } = get();
    if (!running || stopping || !operationId) return;
    set({ stopping: true });
    // The replay may have ended meanwhile: then there is nothing left to stop, and its result shows.
    await appApi()
      .stopReplayCaptures({ operationId })
      .catch(() => {});
  },
  reset() {
    if (get().running) return;
    set({ operationId: null, progress: null, result: null, deliveries: {} });
  },
  applyProgress(progress) {
    if (progress.operationId === get().operationId) set({ progress });
  },
  applyDeliveryChanges(changes) {
    const { deliveries, result } = get();
    // The deliveries of the shown result: the feed's changes to others are not ours.
    const resultIds = new Set(result?.deliveryIds);
    const next = mergeDeliveryChanges(deliveries, changes, (id) => resultIds.has(id));
    if (next !== deliveries) set({ deliveries: next });
  },
}));
