import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { SETTLED_STATUSES, type DeliveryFilter, type DeliverySummary } from '../../src-shared/domain/delivery.ts';
import { EXIT_FAILURE } from './cli-error.ts';

export interface SettledDeliveries {
  deliveries: DeliverySummary[];
  timedOut: boolean;
}

/** Polls `load` until every delivery it returns has settled, or the time is up. */
export async function waitForSettled(load: () => Promise<DeliverySummary[]>, timeoutMs: number): Promise<SettledDeliveries> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const deliveries = await load();
    const settled = deliveries.every((delivery) => SETTLED_STATUSES.includes(delivery.status));
    if (settled || Date.now() >= deadline) return { deliveries, timedOut: !settled };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** These deliveries, by id, once settled. */
export const settledByIds = (api: AppApi, ids: readonly string[], timeoutMs: number) =>
  waitForSettled(async () => Promise.all(ids.map(async (id) => (await api.getDelivery({ id })).delivery)), timeoutMs);

/** The deliveries `filter` lists (an event's, say), once settled. */
export const settledOfFilter = (api: AppApi, filter: DeliveryFilter, timeoutMs: number) =>
  waitForSettled(async () => (await api.listDeliveries(filter)).deliveries, timeoutMs);

/** `succeeded, HTTP 200` / `failed, connection refused`: where a delivery stands. */
export function deliveryOutcome(delivery: DeliverySummary): string {
  const answer = delivery.lastStatusCode === null ? (delivery.lastError ?? 'no answer yet') : `HTTP ${delivery.lastStatusCode}`;
  return `${delivery.status.replace('_', ' ')}, ${answer}`;
}

/** `--wait` promises success: anything else (still going, failed, marked successful) exits 1. */
export function failUnlessSucceeded({ deliveries, timedOut }: SettledDeliveries): void {
  if (timedOut || deliveries.some((delivery) => delivery.status !== 'succeeded')) process.exitCode = EXIT_FAILURE;
}
