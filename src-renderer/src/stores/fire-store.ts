import { create } from 'zustand';
import type { FireEventResult } from '../../../src-shared/contracts/app-contract.ts';
import type { FireEventInput } from '../../../src-shared/domain/event.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { useDeliveries } from './deliveries-store.ts';

interface FireState {
  firing: boolean;
  error: UiError | null;
  /** The latest fired event; its deliveries are read live from the deliveries store. */
  last: { result: FireEventResult; deliveryIds: string[] } | null;
  fire(input: FireEventInput): Promise<void>;
}

export const useFire = create<FireState>()((set, get) => ({
  firing: false,
  error: null,
  last: null,
  async fire(input) {
    if (get().firing) return;
    set({ firing: true, error: null });
    try {
      const result = await appApi().fireEvent(input);
      useDeliveries.getState().remember(result.deliveries);
      set({ firing: false, last: { result, deliveryIds: result.deliveries.map((delivery) => delivery.id) } });
    } catch (error) {
      set({ firing: false, error: toUiError(error) });
    }
  },
}));
