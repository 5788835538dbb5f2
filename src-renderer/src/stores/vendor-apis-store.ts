import { create } from 'zustand';
import type { VendorApiCall, VendorApisState } from '../../../src-shared/domain/vendor-api.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import type { LoadState } from './load-state.ts';
import { mergedCalls } from './vendor-api-calls.ts';

/** The Vendors page's tabs for a vendor with a management API. */
export type VendorDetailTab = 'profile' | 'api' | 'calls';

interface VendorApisStoreState {
  /** Where the APIs listen and with which credentials; null until first loaded. */
  state: VendorApisState | null;
  load: LoadState;
  /** The live log, newest first: the engine's list when loaded, then every call as it is answered. */
  calls: VendorApiCall[];
  selectedCallId: string | null;
  /** Set while the switch waits for the listener to start or stop. */
  switching: boolean;
  switchError: UiError | null;
  /** Kept across vendors, so going from one vendor to the next shows the same part of each. */
  tab: VendorDetailTab;
  fetch(): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  applyCall(call: VendorApiCall): void;
  /** The switch was flipped somewhere (another window, the CLI): where the APIs listen now. */
  applyState(state: VendorApisState): void;
  selectCall(id: string | null): void;
  showTab(tab: VendorDetailTab): void;
}

/** The emulated vendor management APIs: their switch, where they listen, and the live log of calls to them. */
export const useVendorApis = create<VendorApisStoreState>()((set, get) => ({
  state: null,
  load: { status: 'idle' },
  calls: [],
  selectedCallId: null,
  switching: false,
  switchError: null,
  tab: 'profile',
  async fetch() {
    set({ load: { status: 'loading' } });
    try {
      const [state, calls] = await Promise.all([appApi().getVendorApis(), appApi().listVendorApiCalls()]);
      // Calls answered while the list was on its way arrived live; keep both.
      set({ state, calls: mergedCalls(calls, get().calls), load: { status: 'ready' } });
    } catch (error) {
      set({ load: { status: 'error', error: toUiError(error) } });
    }
  },
  async setEnabled(enabled) {
    set({ switching: true, switchError: null });
    try {
      set({ state: await appApi().setVendorApisEnabled({ enabled }), switching: false });
    } catch (error) {
      set({ switching: false, switchError: toUiError(error) });
    }
  },
  applyCall(call) {
    set({ calls: mergedCalls([call], get().calls) });
  },
  applyState(state) {
    set({ state });
  },
  selectCall(selectedCallId) {
    set({ selectedCallId });
  },
  showTab(tab) {
    set({ tab });
  },
}));
