import { create } from 'zustand';
import type { Bin, CaptureDetail, CaptureSummary } from '../../../src-shared/domain/capture.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import type { LoadState } from './load-state.ts';

const LIST_LIMIT = 200;

interface ReceiverState {
  bins: Bin[];
  captures: CaptureSummary[];
  /** null shows the captures of every bin. */
  binFilter: string | null;
  load: LoadState;
  selectedId: string | null;
  detail: CaptureDetail | null;
  detailError: UiError | null;
  fetchAll(): Promise<void>;
  setBinFilter(bin: string | null): void;
  select(id: string | null): void;
  applyCapture(capture: CaptureSummary): void;
}

let detailRequest = 0;
let binsRefresh: ReturnType<typeof setTimeout> | null = null;

async function refreshBins(): Promise<void> {
  try {
    useReceiver.setState({ bins: await appApi().listBins() });
  } catch {
    // Counts are a convenience; the next capture or visit refreshes them.
  }
}

export const useReceiver = create<ReceiverState>()((set, get) => ({
  bins: [],
  captures: [],
  binFilter: null,
  load: { status: 'idle' },
  selectedId: null,
  detail: null,
  detailError: null,
  async fetchAll() {
    set({ load: { status: 'loading' } });
    try {
      const bin = get().binFilter ?? undefined;
      const [bins, captures] = await Promise.all([appApi().listBins(), appApi().listCaptures({ bin, limit: LIST_LIMIT })]);
      set({ bins, captures, load: { status: 'ready' } });
    } catch (error) {
      set({ load: { status: 'error', error: toUiError(error) } });
    }
  },
  setBinFilter(binFilter) {
    set({ binFilter });
    void get().fetchAll();
  },
  select(selectedId) {
    set({ selectedId, detailError: null, detail: get().detail?.id === selectedId ? get().detail : null });
    if (!selectedId) return;
    const request = ++detailRequest;
    appApi()
      .getCapture({ id: selectedId })
      .then(
        (detail) => {
          if (request === detailRequest) set({ detail });
        },
        (error: unknown) => {
          if (request === detailRequest) set({ detailError: toUiError(error) });
        },
      );
  },
  applyCapture(capture) {
    const { binFilter, captures } = get();
    if (binFilter === null || binFilter === capture.bin) {
      set({ captures: [capture, ...captures.filter((known) => known.id !== capture.id)].slice(0, LIST_LIMIT) });
    }
    // A burst of captures refreshes the bin counts once.
    if (binsRefresh) clearTimeout(binsRefresh);
    binsRefresh = setTimeout(() => {
      binsRefresh = null;
      void refreshBins();
    }, 150);
  },
}));
