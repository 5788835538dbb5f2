import type { AppApi } from '../../../src-shared/contracts/app-contract.ts';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { useBulk } from './bulk-store.ts';
import { useBulkReplay } from './bulk-replay-store.ts';
import { useDeliveryDetail } from './delivery-detail-store.ts';
import { useDeliveryList } from './delivery-list-store.ts';
import { useEndpointCheck } from './endpoint-check-store.ts';
import { useFire } from './fire-store.ts';
import { useReceiver } from './receiver-store.ts';
import { rememberDeliveryChanges } from './recent-delivery-changes.ts';
import { useReplay } from './replay-store.ts';
import { useScenarioRuns } from './scenario-run-store.ts';
import { useUnsettledCount } from './unsettled-count-store.ts';
import { useVendorApis } from './vendor-apis-store.ts';
import { useWebhooks } from './webhooks-store.ts';

/**
 * Delivery changes come in bursts (thousands a second during a bulk retry); the stores take
 * them in batches, a few times a second at most, so the list re-renders once per batch.
 */
const DELIVERY_BATCH_MS = 50;

function deliveryBatcher(): { add(delivery: DeliverySummary): void; stop(): void } {
  let batch: DeliverySummary[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const changes = batch;
    batch = [];
    rememberDeliveryChanges(changes);
    useDeliveryList.getState().applyChanges(changes);
    useDeliveryDetail.getState().noteChanges(changes);
    useFire.getState().applyDeliveryChanges(changes);
    useReplay.getState().applyDeliveryChanges(changes);
    useBulkReplay.getState().applyDeliveryChanges(changes);
    useScenarioRuns.getState().applyDeliveryChanges(changes);
    useUnsettledCount.getState().recount();
  };
  return {
    add(delivery) {
      batch.push(delivery);
      timer ??= setTimeout(flush, DELIVERY_BATCH_MS);
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Routes the engine's event stream into the stores; returns one function that stops it all. */
export function subscribeToLiveUpdates(api: AppApi): () => void {
  const deliveries = deliveryBatcher();
  const unsubscribers = [
    api.onDeliveryChanged((summary) => deliveries.add(summary)),
    api.onBulkProgress((progress) => useBulk.getState().applyProgress(progress)),
    api.onReplayProgress((progress) => useBulkReplay.getState().applyProgress(progress)),
    api.onScenarioRunChanged((status) => useScenarioRuns.getState().applyStatus(status)),
    api.onCaptureReceived((capture) => useReceiver.getState().applyCapture(capture)),
    api.onCapturesPruned((pruned) => useReceiver.getState().applyPruned(pruned)),
    // Deleted elsewhere (the CLI, another window): the list and the detail pane catch up.
    api.onCapturesDeleted(() => void useReceiver.getState().fetchAll()),
    api.onWebhooksChanged(({ webhooks }) => useWebhooks.getState().replaceWebhooks(webhooks)),
    api.onEndpointCheckProgress((progress) => useEndpointCheck.getState().applyProgress(progress)),
    api.onEndpointCheckRunSaved((run) => useEndpointCheck.getState().applySaved(run)),
    api.onVendorApiCalled((call) => useVendorApis.getState().applyCall(call)),
    api.onVendorApisChanged((state) => useVendorApis.getState().applyState(state)),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    deliveries.stop();
  };
}
