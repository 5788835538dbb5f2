import { create } from 'zustand';
import type { UpdateVendorAccountInput, VendorAccount } from '../../../src-shared/domain/vendor-account.ts';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';

interface VendorAccountsState {
  accounts: Partial<Record<VendorId, VendorAccount>>;
  /** The vendor the Vendors page shows; other pages set it before sending the user there. */
  shown: VendorId;
  show(vendor: VendorId): void;
  errors: Partial<Record<VendorId, UiError>>;
  load(vendor: VendorId): Promise<void>;
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
    async load(vendor) {
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
