import { create } from 'zustand';
import type { DeliveryMatch, DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { matchesDelivery } from './delivery-match.ts';
import {
  applyChanges,
  EMPTY_WINDOW,
  engineOffset,
  evictFar,
  missingBlocks,
  placePage,
  releaseHeld,
  type DeliveryWindow,
  type PageTarget,
} from './delivery-window.ts';
import type { LoadState } from './load-state.ts';

export const PAGE_SIZE = 100;
/** Rows kept in memory before far-away ones are forgotten; each is a few hundred bytes. */
const KEEP_ROWS = 4000;
const KEEP_MARGIN = 1500;

interface DeliveryListState {
  /** The search the list shows. */
  match: DeliveryMatch;
  window: DeliveryWindow;
  load: LoadState;
  /** A search the engine refused (the filter fields show it); the list keeps the last good one. */
  searchError: UiError | null;
  pageError: UiError | null;
  /** Whether the list is scrolled to its top, where new deliveries are shown as they come. */
  atTop: boolean;
  /** The keyboard position, which may point at a row still loading (End on 100,000 rows). */
  cursor: number | null;
  /** Resolves false when the engine refused the search. */
  search(match: DeliveryMatch): Promise<boolean>;
  refresh(): Promise<void>;
  /** Loads what [first, last] lacks and forgets rows far from it. */
  ensureRange(first: number, last: number): void;
  applyChanges(changes: readonly DeliverySummary[]): void;
  setAtTop(atTop: boolean): void;
  showHeld(): void;
  setCursor(cursor: number | null): void;
}

/** Bumped by every search, so pages of an earlier one are dropped when they arrive. */
let generation = 0;
const inFlight = new Set<string>();
/** Changes that came while a search's first page was on its way; replayed onto it. */
let duringSearch: DeliverySummary[] = [];

export const useDeliveryList = create<DeliveryListState>()((set, get) => {
  /** Sets a new window, keeping the cursor on the same row when rows were prepended. */
  const setWindow = (window: DeliveryWindow, extra: Partial<DeliveryListState> = {}) => {
    const { cursor, window: before } = get();
    const moved = window.shift - before.shift;
    set({ window, cursor: cursor === null ? null : cursor + moved, ...extra });
  };

  return {
    match: {},
    window: EMPTY_WINDOW,
    load: { status: 'idle' },
    searchError: null,
    pageError: null,
    atTop: true,
    cursor: null,
    async search(match) {
      const current = ++generation;
      inFlight.clear();
      duringSearch = [];
      set({ load: { status: 'loading' } });
      try {
        const page = await appApi().listDeliveries({ match, offset: 0, limit: PAGE_SIZE });
        if (current !== generation) return true;
        const placed = placePage(EMPTY_WINDOW, page, { index: 0, shift: 0, limit: PAGE_SIZE });
        const window = applyChanges(placed, duringSearch, { matches: (delivery) => matchesDelivery(match, delivery), atTop: true });
        duringSearch = [];
        set({ match, window, load: { status: 'ready' }, searchError: null, pageError: null, cursor: null, atTop: true });
        return true;
      } catch (error) {
        if (current !== generation) return false;
        const uiError = toUiError(error);
        if (uiError.code === 'invalid_input') {
          set({ searchError: uiError, load: { status: 'ready' } });
          return false;
        }
        set({ load: { status: 'error', error: uiError } });
        return false;
      }
    },
    async refresh() {
      await get().search(get().match);
    },
    ensureRange(first, last) {
      const { window, match } = get();
      const current = generation;
      for (const block of missingBlocks(window, first, last, PAGE_SIZE)) {
        const key = `${window.shift}:${block}`;
        if (inFlight.has(key)) continue;
        inFlight.add(key);
        const target: PageTarget = { index: block, shift: window.shift, limit: PAGE_SIZE };
        appApi()
          .listDeliveries({ match, offset: engineOffset(window, block), limit: PAGE_SIZE })
          .then(
            (page) => {
              if (current === generation) setWindow(placePage(get().window, page, target), { pageError: null });
            },
            (error: unknown) => {
              if (current === generation) set({ pageError: toUiError(error) });
            },
          )
          .finally(() => inFlight.delete(key));
      }
      if (window.ids.size > KEEP_ROWS) set({ window: evictFar(window, first, last, KEEP_MARGIN) });
    },
    applyChanges(changes) {
      const { window, match, atTop, load } = get();
      if (load.status === 'loading') duringSearch.push(...changes);
      setWindow(applyChanges(window, changes, { matches: (delivery) => matchesDelivery(match, delivery), atTop }));
    },
    setAtTop(atTop) {
      if (atTop === get().atTop) return;
      set({ atTop });
      if (atTop) get().showHeld();
    },
    showHeld() {
      if (get().window.held.length > 0) setWindow(releaseHeld(get().window));
    },
    setCursor(cursor) {
      set({ cursor });
    },
  };
});
