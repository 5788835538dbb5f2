import { create } from 'zustand';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import type { ReplayInput, ReplayResult } from '../../../src-shared/domain/replay.ts';
import { appApi } from '../api/app-api.ts';
import { newerDelivery } from './recent-delivery-changes.ts';

interface ReplayState {
  /** The replay last sent from this window; its delivery follows the live feed. */
  last: ReplayResult | null;
  /** Rejects with the raw error so the dialog can place field issues. */
  replay(input: ReplayInput): Promise<ReplayResult>;
  applyDeliveryChanges(changes: readonly DeliverySummary[]): void;
}

export const useReplay = create<ReplayState>()((set, get) => ({
  last: null,
  async replay(input) {
    const result = await appApi().replay(input);
    const last = { ...result, delivery: newerDelivery(result.delivery) };
    set({ last });
    return last;
  },
  applyDeliveryChanges(changes) {
    const { last } = get();
    const changed = last && changes.findLast((delivery) => delivery.id === last.delivery.id);
    if (last && changed) set({ last: { ...last, delivery: newerDelivery(last.delivery, changed) } });
  },
}));
