import { create } from 'zustand';
import { DELIVERY_STATUSES, SETTLED_STATUSES } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';

const UNSETTLED = DELIVERY_STATUSES.filter((status) => !SETTLED_STATUSES.includes(status));
/** A burst of thousands of changes costs one count per interval. */
const RECOUNT_INTERVAL_MS = 1000;

interface UnsettledCountState {
  /** Deliveries still pending, in progress or retrying, in the whole workspace; null until counted. */
  count: number | null;
  recount(): void;
}

let timer: ReturnType<typeof setTimeout> | null = null;

async function count(): Promise<void> {
  try {
    const page = await appApi().listDeliveries({ match: { statuses: UNSETTLED }, limit: 1 });
    useUnsettledCount.setState({ count: page.total });
  } catch {
    // The navigation badge is a hint; the Deliveries page reports what fails.
  }
}

export const useUnsettledCount = create<UnsettledCountState>()(() => ({
  count: null,
  recount() {
    if (timer) return;
    void count();
    timer = setTimeout(() => {
      timer = null;
      void count();
    }, RECOUNT_INTERVAL_MS);
  },
}));
