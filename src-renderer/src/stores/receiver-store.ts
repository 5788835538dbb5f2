import { create } from 'zustand';
import type { Bin, CaptureDetail, CaptureSummary } from '../../../src-shared/domain/capture.ts';
import type { CaptureRetention, CapturesPruned, SetCaptureRetentionInput } from '../../../src-shared/domain/capture-retention.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import type { LoadState } from './load-state.ts';

const LIST_LIMIT = 200;

interface ReceiverState {
  bins: Bin[];
  captures: CaptureSummary[];
  /** null shows the captures of every bin. */
  binFilter: string | null;
  /** Text the captures' path, query, plain headers or body must contain; '' for all. */
  search: string;
  load: LoadState;
  selectedId: string | null;
  detail: CaptureDetail | null;
  detailError: UiError | null;
  /** The workspace's capture limits and counts; null until first loaded. */
  retention: CaptureRetention | null;
  /** What was pruned while this page was open, added up until dismissed. */
  pruned: CapturesPruned | null;
  /** Resolves false when a newer read replaced this one. */
  fetchAll(): Promise<boolean>;
  /** Shows another bin; the capture on show stays only if the new list holds it, or `follow` is shown instead. */
  setBinFilter(bin: string | null, follow?: string): Promise<void>;
  setSearch(search: string): Promise<void>;
  select(id: string | null): void;
  applyCapture(capture: CaptureSummary): void;
  applyPruned(pruned: CapturesPruned): void;
  dismissPruned(): void;
  deleteCapture(id: string): Promise<void>;
  clearBin(bin: string): Promise<void>;
  setRetention(changes: SetCaptureRetentionInput): Promise<void>;
}

let detailRequest = 0;
/** Bumped by every list read: a search typed fast must not be overwritten by an earlier one answering late. */
let listRequest = 0;
let binsRefresh: ReturnType<typeof setTimeout> | null = null;
let pruneRefresh: ReturnType<typeof setTimeout> | null = null;

async function refreshBins(): Promise<void> {
  try {
    useReceiver.setState({ bins: await appApi().listBins() });
  } catch {
    // Counts are a convenience; the next capture or visit refreshes them.
  }
}

/**
 * Reloads the list after its bin or search changed: the detail pane follows `follow`, keeps the
 * capture on show if the list still holds it, and is cleared otherwise (it showed one from elsewhere).
 */
async function showListed(follow?: string): Promise<void> {
  if (!(await useReceiver.getState().fetchAll())) return;
  const { captures, selectedId, select } = useReceiver.getState();
  if (follow) select(follow);
  else if (selectedId && !captures.some((capture) => capture.id === selectedId)) select(null);
}

export const useReceiver = create<ReceiverState>()((set, get) => ({
  bins: [],
  captures: [],
  binFilter: null,
  search: '',
  load: { status: 'idle' },
  selectedId: null,
  detail: null,
  detailError: null,
  retention: null,
  pruned: null,
  async fetchAll() {
    set({ load: { status: 'loading' } });
    const mine = ++listRequest;
    try {
      const bin = get().binFilter ?? undefined;
      const search = get().search.trim() || undefined;
      const [bins, captures, retention] = await Promise.all([
        appApi().listBins(),
        appApi().listCaptures({ bin, search, limit: LIST_LIMIT }),
        appApi().getCaptureRetention(),
      ]);
      if (mine !== listRequest) return false;
      set({ bins, captures, retention, load: { status: 'ready' } });
      // The capture on show may have been deleted or pruned meanwhile: the detail pane never keeps it.
      const { selectedId } = get();
      if (selectedId && !captures.some((capture) => capture.id === selectedId)) {
        await appApi()
          .getCapture({ id: selectedId })
          .catch((error: unknown) => {
            if (toUiError(error).code === 'not_found' && get().selectedId === selectedId) get().select(null);
          });
      }
    } catch (error) {
      if (mine === listRequest) set({ load: { status: 'error', error: toUiError(error) } });
    }
    return mine === listRequest;
  },
  async setBinFilter(binFilter, follow) {
    set({ binFilter });
    await showListed(follow);
  },
  async setSearch(search) {
    set({ search });
    await showListed();
  },
  select(selectedId) {
    set({ selectedId, detailError: null, detail: get().detail?.id === selectedId ? get().detail : null });
    const request = ++detailRequest;
    if (!selectedId) return;
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
    const { binFilter, captures, search } = get();
    // A search is the engine's to answer (bodies are not in the summary): new captures wait for the next search.
    if ((binFilter === null || binFilter === capture.bin) && search.trim() === '') {
      set({ captures: [capture, ...captures.filter((known) => known.id !== capture.id)].slice(0, LIST_LIMIT) });
    }
    // A burst of captures refreshes the bin counts once.
    if (binsRefresh) clearTimeout(binsRefresh);
    binsRefresh = setTimeout(() => {
      binsRefresh = null;
      void refreshBins();
    }, 150);
  },
  applyPruned(pruned) {
    // At the limit every new capture prunes one: a burst adds up in one notice, reloaded a few times a second at most.
    const shown = get().pruned;
    set({
      retention: pruned.retention,
      pruned: shown ? { ...pruned, count: shown.count + pruned.count, bytes: shown.bytes + pruned.bytes } : pruned,
    });
    if (pruneRefresh !== null) return;
    pruneRefresh = setTimeout(() => {
      pruneRefresh = null;
      void get().fetchAll();
    }, 150);
  },
  dismissPruned() {
    set({ pruned: null });
  },
  async deleteCapture(id) {
    await appApi().deleteCapture({ id });
    if (get().selectedId === id) get().select(null);
    set({ captures: get().captures.filter((capture) => capture.id !== id) });
    await get().fetchAll();
  },
  async clearBin(bin) {
    await appApi().clearBin({ bin });
    if (get().detail?.bin === bin) get().select(null);
    await get().fetchAll();
  },
  async setRetention(changes) {
    set({ retention: await appApi().setCaptureRetention(changes) });
  },
}));
