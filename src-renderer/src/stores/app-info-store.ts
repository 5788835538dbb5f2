import { create } from 'zustand';
import type { AppInfo } from '../../../src-shared/domain/app-info.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';

interface AppInfoState {
  info: AppInfo | null;
  error: UiError | null;
  loading: boolean;
  load(): Promise<void>;
}

export const useAppInfo = create<AppInfoState>()((set) => ({
  info: null,
  error: null,
  loading: false,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ info: await appApi().getAppInfo(), loading: false });
    } catch (error) {
      set({ error: toUiError(error), loading: false });
    }
  },
}));
