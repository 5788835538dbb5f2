import { useReceiver } from './receiver-store.ts';
import { useScenarios } from './scenario-store.ts';
import { useVendorAccounts } from './vendor-accounts-store.ts';
import { useWebhooks } from './webhooks-store.ts';
import type { VendorId } from '../../../src-shared/domain/vendor.ts';

/** A workspace import touches every store's entries at once; each fetches again what it shows. */
export async function refreshAfterWorkspaceImport(): Promise<void> {
  const accounts = useVendorAccounts.getState();
  await Promise.all([
    useWebhooks.getState().fetchAll(),
    useReceiver.getState().fetchAll(),
    useScenarios.getState().fetchAll(),
    ...(Object.keys(accounts.accounts) as VendorId[]).map((vendor) => accounts.refresh(vendor)),
  ]);
}
