import { SETTLED_STATUSES, type DeliverySummary } from '../../src-shared/domain/delivery.ts';
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

/** `--wait` promises success: anything else (still going, failed, marked successful) exits 1. */
export function failUnlessSucceeded({ deliveries, timedOut }: SettledDeliveries): void {
  if (timedOut || deliveries.some((delivery) => delivery.status !== 'succeeded')) process.exitCode = EXIT_FAILURE;
}
