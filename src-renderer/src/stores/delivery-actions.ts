import type { BulkResult } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { useDeliveryDetail } from './delivery-detail-store.ts';
import { showToast } from './toast-store.ts';

/** The actions on one open delivery; each rejects with the engine's error and reloads the detail. */

async function thenReload<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } finally {
    useDeliveryDetail.getState().reload();
  }
}

/** A toast only for a delivery the operation changed: a skipped one says why where the action was. */
function toastChanged(result: BulkResult, message: string): BulkResult {
  if (result.changed > 0) showToast(message);
  return result;
}

export const retryDelivery = async (id: string): Promise<BulkResult> =>
  toastChanged(await thenReload(appApi().retryDeliveries({ ids: [id] })), 'Retrying: a new round of tries has started');

export const markDeliverySuccessful = async (id: string): Promise<BulkResult> =>
  toastChanged(await thenReload(appApi().markDeliveriesSuccessful({ ids: [id] })), 'Marked as successful');

export const redeliverDelivery = async (id: string): Promise<unknown> => {
  const redelivered = await thenReload(appApi().redeliverDelivery({ id }));
  showToast('Re-delivering with the same event id');
  return redelivered;
};
