import type { BulkResult } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { useDeliveryDetail } from './delivery-detail-store.ts';

/** The actions on one open delivery; each rejects with the engine's error and reloads the detail. */

async function thenReload<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } finally {
    useDeliveryDetail.getState().reload();
  }
}

export const retryDelivery = (id: string): Promise<BulkResult> => thenReload(appApi().retryDeliveries({ ids: [id] }));

export const markDeliverySuccessful = (id: string): Promise<BulkResult> =>
  thenReload(appApi().markDeliveriesSuccessful({ ids: [id] }));

export const redeliverDelivery = (id: string): Promise<unknown> => thenReload(appApi().redeliverDelivery({ id }));
