import { create } from 'zustand';
import type { DeliveryDetail, DeliveryStatus, DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import type { LoadState } from './load-state.ts';

const LIST_LIMIT = 200;

interface DeliveriesState {
  /** Every delivery seen, from lists and from live changes; the views filter and sort. */
  byId: Record<string, DeliverySummary>;
  statusFilter: DeliveryStatus | null;
  load: LoadState;
  selectedId: string | null;
  detail: DeliveryDetail | null;
  detailError: UiError | null;
  fetchList(): Promise<void>;
  setStatusFilter(status: DeliveryStatus | null): void;
  select(id: string | null): void;
  /** Selects a delivery and widens the filter if it would hide it (links from other pages). */
  reveal(id: string): void;
  applyChange(summary: DeliverySummary): void;
  remember(summaries: DeliverySummary[]): void;
}

let detailRequest = 0;

async function fetchDetail(id: string): Promise<void> {
  const request = ++detailRequest;
  try {
    const detail = await appApi().getDelivery({ id });
    if (request === detailRequest) useDeliveries.setState({ detail, detailError: null });
  } catch (error) {
    if (request === detailRequest) useDeliveries.setState({ detailError: toUiError(error) });
  }
}

export function sortedDeliveries(byId: Record<string, DeliverySummary>, status: DeliveryStatus | null): DeliverySummary[] {
  return Object.values(byId)
    .filter((delivery) => status === null || delivery.status === status)
    .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

export const useDeliveries = create<DeliveriesState>()((set, get) => ({
  byId: {},
  statusFilter: null,
  load: { status: 'idle' },
  selectedId: null,
  detail: null,
  detailError: null,
  async fetchList() {
    set({ load: { status: 'loading' } });
    try {
      const status = get().statusFilter ?? undefined;
      const list = await appApi().listDeliveries({ status, limit: LIST_LIMIT });
      get().remember(list);
      set({ load: { status: 'ready' } });
    } catch (error) {
      set({ load: { status: 'error', error: toUiError(error) } });
    }
  },
  setStatusFilter(statusFilter) {
    set({ statusFilter });
    void get().fetchList();
  },
  select(selectedId) {
    const keepDetail = get().detail?.delivery.id === selectedId;
    set({ selectedId, detailError: null, detail: keepDetail ? get().detail : null });
    if (selectedId) void fetchDetail(selectedId);
  },
  reveal(id) {
    const { statusFilter, byId } = get();
    if (statusFilter !== null && byId[id]?.status !== statusFilter) get().setStatusFilter(null);
    get().select(id);
  },
  applyChange(summary) {
    set({ byId: { ...get().byId, [summary.id]: summary } });
    if (get().selectedId === summary.id) void fetchDetail(summary.id);
  },
  remember(summaries) {
    const byId = { ...get().byId };
    for (const summary of summaries) {
      const known = byId[summary.id];
      // A live change may be newer than what a slower call returned; at equal times the live one
      // wins too, as a delivery can be created and claimed within the same millisecond.
      if (!known || known.updatedAt < summary.updatedAt) byId[summary.id] = summary;
    }
    set({ byId });
  },
}));
