import { useEffect } from 'react';
import { create } from 'zustand';
import type { UpdateVendorAccountInput, VendorAccount } from '../../../src-shared/domain/vendor-account.ts';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { useNavigation } from './navigation-store.ts';

interface VendorAccountsState {
  accounts: Partial<Record<VendorId, VendorAccount>>;
  /** The vendor the Vendors page shows. */
  shown: VendorId;
  show(vendor: VendorId): void;
  /** Sends the user to the Vendors page, showing this vendor. */
  openVendor(vendor: VendorId): void;
  errors: Partial<Record<VendorId, UiError>>;
  /** Fetches once per vendor; the calls below keep the account current. */
  load(vendor: VendorId): Promise<void>;
  /** Fetches again, for when the engine changed the account itself (a key pair made with the first webhook). */
  refresh(vendor: VendorId): Promise<void>;
  /** The calls below reject with the raw error so forms can place field issues. */
  update(input: UpdateVendorAccountInput): Promise<VendorAccount>;
  generateKey(vendor: VendorId): Promise<VendorAccount>;
  importKey(vendor: VendorId, privateKeyPem: string): Promise<VendorAccount>;
}

/** What each vendor keeps per account (settings, shared credentials, signing key), fetched as pages need it. */
export const useVendorAccounts = create<VendorAccountsState>()((set, get) => {
  const keep = (account: VendorAccount): VendorAccount => {
    set({ accounts: { ...get().accounts, [account.vendor]: account }, errors: { ...get().errors, [account.vendor]: undefined } });
    return account;
  };
  return {
    accounts: {},
    errors: {},
    shown: 'sentinel-ems',
    show(shown) {
      set({ shown });
    },
    openVendor(vendor) {
      set({ shown: vendor });
      useNavigation.getState().go('vendors');
    },
    async load(vendor) {
      if (get().accounts[vendor]) return;
      await get().refresh(vendor);
    },
    async refresh(vendor) {
      try {
        keep(await appApi().getVendorAccount({ vendor }));
      } catch (error) {
        set({ errors: { ...get().errors, [vendor]: toUiError(error) } });
      }
    },
    async update(input) {
      return keep(await appApi().updateVendorAccount(input));
    },
    async generateKey(vendor) {
      return keep(await appApi().generateVendorKey({ vendor }));
    },
    async importKey(vendor, privateKeyPem) {
      return keep(await appApi().importVendorKey({ vendor, privateKeyPem }));
    },
  };
});

/** The vendor's account, fetched the first time a component needs it; null for a component that needs none. */
export function useVendorAccount(vendor: VendorId | null): VendorAccount | undefined {
  const account = useVendorAccounts((state) => (vendor ? state.accounts[vendor] : undefined));
  useEffect(() => {
    if (vendor) void useVendorAccounts.getState().load(vendor);
  }, [vendor]);
  return account;
}
