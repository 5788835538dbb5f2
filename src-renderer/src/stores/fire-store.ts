import { create } from 'zustand';
import type { FireEventResult } from '../../../src-shared/contracts/app-contract.ts';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import type { FireEventInput } from '../../../src-shared/domain/event.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { newerDelivery } from './recent-delivery-changes.ts';

/** Events fired from this window, newest first; enough to compare a few runs side by side. */
const RECENT_LIMIT = 10;

/** A state handed to the Fire page from elsewhere (the Conditions playground), to fire as it is. */
export interface FireDraft {
  eventName: string;
  stateText: string;
  origin: string;
}

interface FireState {
  firing: boolean;
  /** Taken (and cleared) by the Fire form when it shows. */
  draft: FireDraft | null;
  error: UiError | null;
  /** Their deliveries follow the live feed, so each card shows where its deliveries stand. */
  recent: FireEventResult[];
  fire(input: FireEventInput): Promise<FireEventResult | null>;
  /** Zentitle2 "Test" for one webhook; kept with the fired events. Rejects with the raw error. */
  sendTest(webhookId: string): Promise<FireEventResult>;
  clearError(): void;
  setDraft(draft: FireDraft | null): void;
  applyDeliveryChanges(changes: readonly DeliverySummary[]): void;
}

function remember(fired: FireEventResult): FireEventResult {
  const result = { ...fired, deliveries: fired.deliveries.map((delivery) => newerDelivery(delivery)) };
  useFire.setState({ recent: [result, ...useFire.getState().recent].slice(0, RECENT_LIMIT) });
  return result;
}

export const useFire = create<FireState>()((set, get) => ({
  firing: false,
  draft: null,
  error: null,
  recent: [],
  async fire(input) {
    if (get().firing) return null;
    set({ firing: true, error: null });
    try {
      const result = remember(await appApi().fireEvent(input));
      set({ firing: false });
      return result;
    } catch (error) {
      set({ firing: false, error: toUiError(error) });
      return null;
    }
  },
  async sendTest(webhookId) {
    return remember(await appApi().sendTestEvent({ webhookId }));
  },
  clearError() {
    set({ error: null });
  },
  setDraft(draft) {
    set({ draft });
  },
  applyDeliveryChanges(changes) {
    const latest = new Map(changes.map((delivery) => [delivery.id, delivery]));
    const { recent } = get();
    if (!recent.some((result) => result.deliveries.some((delivery) => latest.has(delivery.id)))) return;
    set({
      recent: recent.map((result) => ({
        ...result,
        deliveries: result.deliveries.map((delivery) => newerDelivery(delivery, latest.get(delivery.id))),
      })),
    });
  },
}));
