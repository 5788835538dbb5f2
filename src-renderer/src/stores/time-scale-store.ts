import { create } from 'zustand';
import type { TimeScale } from '../../../src-shared/domain/time-scale.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';

interface TimeScaleStore {
  scale: TimeScale | null;
  error: UiError | null;
  load(): Promise<void>;
  set(scale: TimeScale): Promise<void>;
}

/** How fast the engine's clock runs; shared by every window of the workspace through the engine. */
export const useTimeScale = create<TimeScaleStore>()((set) => ({
  scale: null,
  error: null,
  async load() {
    try {
      set({ scale: (await appApi().getTimeScale()).scale, error: null });
    } catch (error) {
      set({ error: toUiError(error) });
    }
  },
  async set(scale) {
    try {
      set({ scale: (await appApi().setTimeScale({ scale })).scale, error: null });
    } catch (error) {
      set({ error: toUiError(error) });
    }
  },
}));
