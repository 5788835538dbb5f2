import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import type { VendorAccountRepository } from '../storage/vendor-account-repository.ts';

/** The account's settings with the catalog's defaults filled in; unknown keys are dropped. */
export function accountSettings(accounts: VendorAccountRepository, vendor: VendorId): Record<string, string> {
  const saved = accounts.get(vendor)?.settings ?? {};
  return Object.fromEntries(vendorCatalogs[vendor].accountFields.map((field) => [field.key, saved[field.key] ?? field.default]));
}

