import { create } from 'zustand';
import type { FireEventResult } from '../../../src-shared/contracts/app-contract.ts';
import type { FireEventInput } from '../../../src-shared/domain/event.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { useDeliveries } from './deliveries-store.ts';

/** Events fired from this window, newest first; enough to compare a few runs side by side. */
const RECENT_LIMIT = 10;

interface FireState {
  firing: boolean;
  error: UiError | null;
  /** Their deliveries' live status is read from the deliveries store. */
  recent: FireEventResult[];
  fire(input: FireEventInput): Promise<FireEventResult | null>;
  clearError(): void;
}

export const useFire = create<FireState>()((set, get) => ({
  firing: false,
  error: null,
  recent: [],
  async fire(input) {
    if (get().firing) return null;
    set({ firing: true, error: null });
    try {
      const result = await appApi().fireEvent(input);
      useDeliveries.getState().remember(result.deliveries);
      set({ firing: false, recent: [result, ...get().recent].slice(0, RECENT_LIMIT) });
      return result;
    } catch (error) {
      set({ firing: false, error: toUiError(error) });
      return null;
    }
  },
  clearError() {
    set({ error: null });
  },
}));
