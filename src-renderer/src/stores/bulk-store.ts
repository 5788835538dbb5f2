import { create } from 'zustand';
import { DELIVERY_SELECTION_MAX, type BulkOperation, type BulkProgress, type BulkResult, type DeliverySelection } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { formatCount } from '../format/count-format.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { useDeliveryList } from './delivery-list-store.ts';

interface BulkState {
  /** Rows ticked one by one (or by shift-click ranges). */
  checked: ReadonlySet<string>;
  /** Every delivery the search matches, loaded or not: the operation is sent the search itself. */
  allMatching: boolean;
  /** Where the last plain click was, for shift-click ranges. */
  anchor: number | null;
  running: BulkOperation | null;
  operationId: string | null;
  progress: BulkProgress | null;
  result: BulkResult | null;
  error: UiError | null;
  toggle(index: number, id: string, range: boolean): void;
  selectAllMatching(): void;
  clear(): void;
  run(operation: BulkOperation): Promise<void>;
  /** Progress of any operation; only ours is shown. */
  applyProgress(progress: BulkProgress): void;
}

function rangeIds(from: number, to: number): string[] {
  const { ids } = useDeliveryList.getState().window;
  const ranged: string[] = [];
  // Only rows already loaded can be ticked; a range spans what the user scrolled through.
  for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
    const id = ids.get(index);
    if (id !== undefined) ranged.push(id);
  }
  return ranged;
}

/** Why the bulk buttons cannot be used right now, or null when they can. */
export function bulkBlocker(state: Pick<BulkState, 'checked' | 'allMatching' | 'running'>): string | null {
  if (state.running) return 'Another bulk operation is running';
  if (!state.allMatching && state.checked.size === 0) return 'Tick deliveries first, or select all matching';
  if (!state.allMatching && state.checked.size > DELIVERY_SELECTION_MAX) {
    return `At most ${formatCount(DELIVERY_SELECTION_MAX)} ticked deliveries; select all matching to act on more`;
  }
  return null;
}

export const useBulk = create<BulkState>()((set, get) => ({
  checked: new Set(),
  allMatching: false,
  anchor: null,
  running: null,
  operationId: null,
  progress: null,
  result: null,
  error: null,
  toggle(index, id, range) {
    const { checked, anchor, allMatching } = get();
    const next = new Set(allMatching ? [] : checked);
    if (range && anchor !== null) {
      for (const rangedId of rangeIds(anchor, index)) next.add(rangedId);
    } else if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    set({ checked: next, allMatching: false, anchor: range && anchor !== null ? anchor : index });
  },
  selectAllMatching() {
    set({ allMatching: true, checked: new Set(), anchor: null });
  },
  clear() {
    set({ allMatching: false, checked: new Set(), anchor: null, result: null, error: null, progress: get().running ? get().progress : null });
  },
  async run(operation) {
    if (bulkBlocker(get())) return;
    const operationId = crypto.randomUUID();
    const selection: DeliverySelection = get().allMatching
      ? { match: useDeliveryList.getState().match, operationId }
      : { ids: [...get().checked], operationId };
    set({ running: operation, operationId, progress: null, result: null, error: null });
    try {
      const result = operation === 'retry' ? await appApi().retryDeliveries(selection) : await appApi().markDeliveriesSuccessful(selection);
      set({ result, progress: { operationId, operation, done: result.matched, total: result.matched } });
    } catch (error) {
      set({ error: toUiError(error) });
    } finally {
      set({ running: null });
    }
  },
  applyProgress(progress) {
    if (progress.operationId === get().operationId && get().running) set({ progress });
  },
}));
