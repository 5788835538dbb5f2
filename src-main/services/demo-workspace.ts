import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';

const INITIALIZED = 'workspace.initialized';
export const DEMO_BIN = 'demo';

/**
 * On first run a data directory gets a webhook for "Entitlement Added" that points at the
 * built-in receiver, so firing an event right away shows a delivery and its capture.
 */
export async function createDemoWorkspaceOnce(api: AppApi, settings: SettingsRepository, receiverUrl: string): Promise<void> {
  if (settings.get(INITIALIZED)) return;
  const auth = await api.createAuthProfile({
    kind: 'basic',
    name: 'Demo receiver (Basic)',
    username: 'hooklab',
    password: 'demo-password',
  });
  await api.createWebhook({
    vendor: 'sentinel-ems',
    name: 'Demo - Entitlement Added',
    events: ['Entitlement Added'],
    endpointUrl: `${receiverUrl}/r/${DEMO_BIN}`,
    authProfileId: auth.id,
    description: 'Created on first run: delivers to the built-in receiver, bin "demo".',
  });
  settings.set(INITIALIZED, new Date().toISOString());
}
