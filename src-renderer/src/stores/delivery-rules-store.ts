import { create } from 'zustand';
import type { DeliveryRules } from '../../../src-shared/domain/delivery-rules.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';

interface DeliveryRulesState {
  rules: DeliveryRules | null;
  error: UiError | null;
  /** Fetches once; the rules are fixed for the engine's lifetime. */
  load(): Promise<void>;
}

export const useDeliveryRules = create<DeliveryRulesState>()((set, get) => ({
  rules: null,
  error: null,
  async load() {
    if (get().rules) return;
    try {
      set({ rules: await appApi().getDeliveryRules(), error: null });
    } catch (error) {
      set({ error: toUiError(error) });
    }
  },
}));
