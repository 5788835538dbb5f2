import { create } from 'zustand';
import type { DeliveryDetail, DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { isEmptyMatch, matchesDelivery } from './delivery-match.ts';
import { useDeliveryList } from './delivery-list-store.ts';
import { indexOfId } from './delivery-window.ts';
import { useNavigation } from './navigation-store.ts';

interface DeliveryDetailState {
  /** The delivery open in the detail pane. */
  selectedId: string | null;
  detail: DeliveryDetail | null;
  error: UiError | null;
  select(id: string | null): void;
  /** Reloads the open delivery when the live feed says it changed. */
  noteChanges(changes: readonly DeliverySummary[]): void;
  reload(): void;
}

let request = 0;
/** One read at a time; changes during it ask for one more, so a burst of attempts costs two reads. */
let reading = false;
let readAgain = false;

async function readDetail(id: string): Promise<void> {
  if (reading) {
    readAgain = true;
    return;
  }
  reading = true;
  const mine = ++request;
  try {
    const detail = await appApi().getDelivery({ id });
    if (mine === request && useDeliveryDetail.getState().selectedId === id) useDeliveryDetail.setState({ detail, error: null });
  } catch (error) {
    if (mine === request && useDeliveryDetail.getState().selectedId === id) useDeliveryDetail.setState({ error: toUiError(error) });
  } finally {
    reading = false;
    const selected = useDeliveryDetail.getState().selectedId;
    if (readAgain && selected) {
      readAgain = false;
      void readDetail(selected);
    }
  }
}

export const useDeliveryDetail = create<DeliveryDetailState>()((set, get) => ({
  selectedId: null,
  detail: null,
  error: null,
  select(selectedId) {
    const keep = get().detail?.delivery.id === selectedId;
    set({ selectedId, error: null, detail: keep ? get().detail : null });
    if (!selectedId) return;
    // A newer selection wins over a read still on its way.
    readAgain = reading;
    if (!reading) void readDetail(selectedId);
  },
  noteChanges(changes) {
    const { selectedId } = get();
    if (selectedId && changes.some((delivery) => delivery.id === selectedId)) void readDetail(selectedId);
  },
  reload() {
    const { selectedId } = get();
    if (selectedId) void readDetail(selectedId);
  },
}));

// A new search that leaves the delivery on show out (filtered to nothing, another webhook) clears
// the detail pane: it would otherwise keep showing a delivery the list no longer holds.
useDeliveryList.subscribe((list, before) => {
  if (list.match === before.match) return;
  const { selectedId, detail, select } = useDeliveryDetail.getState();
  if (!selectedId) return;
  const shown = detail?.delivery.id === selectedId ? detail.delivery : list.window.byId.get(selectedId);
  // Not known yet (its read still on the way): only a search that takes everything surely holds it.
  if (shown ? !matchesDelivery(list.match, shown) : !isEmptyMatch(list.match)) select(null);
});

/** Opens a delivery from elsewhere (the Fire page) on the Deliveries page: widens the search if it would hide it. */
export function revealDelivery(delivery: DeliverySummary): void {
  const list = useDeliveryList.getState();
  if (!matchesDelivery(list.match, delivery)) void list.search({});
  list.setCursor(indexOfId(list.window, delivery.id));
  useDeliveryDetail.getState().select(delivery.id);
  useNavigation.getState().go('deliveries');
}
