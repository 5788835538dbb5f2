import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import { useDeliveries } from './deliveries-store.ts';
import { useReceiver } from './receiver-store.ts';
import { useWebhooks } from './webhooks-store.ts';

/** Routes the engine's event stream into the stores; returns one function that stops it all. */
export function subscribeToLiveUpdates(api: AppApi): () => void {
  const unsubscribers = [
    api.onDeliveryChanged((summary) => useDeliveries.getState().applyChange(summary)),
    api.onCaptureReceived((capture) => useReceiver.getState().applyCapture(capture)),
    api.onWebhooksChanged(({ webhooks }) => useWebhooks.getState().replaceWebhooks(webhooks)),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
