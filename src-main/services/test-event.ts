import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { FireEventResult } from '../../src-shared/contracts/app-contract.ts';
import { VENDOR_IDS } from '../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import { AppError } from '../../src-shared/errors.ts';
import { newFiredEvent, type FireDeps } from './fire-event.ts';

/**
 * The vendor's "Test" action (seed 004, Zentitle2): a new event with an empty payload whose
 * resource id is the webhook's, delivered to that webhook alone, whatever it subscribes to. It is
 * never retried: retryPolicyFor (vendor-profile.ts) gives the catalog's test event none.
 */
export function sendTestEvent(deps: Pick<FireDeps, 'webhooks' | 'deliveries' | 'clock'>, webhookId: string): FireEventResult {
  const webhook = deps.webhooks.get(webhookId);
  if (!webhook) throw new AppError('not_found', `No webhook has id "${webhookId}"`);
  const { label, testEvent } = vendorCatalogs[webhook.vendor];
  if (!testEvent) {
    const testing = VENDOR_IDS.filter((vendor) => vendorCatalogs[vendor].testEvent).map((vendor) => vendorCatalogs[vendor].label);
    throw validationError([{ path: 'webhookId', message: `"${webhook.name}" is a ${label} webhook; only ${testing.join(', ')} webhooks have a Test action` }]);
  }
  if (!webhook.enabled) throw validationError([{ path: 'webhookId', message: `"${webhook.name}" is disabled; enable it to send a Test event` }]);
  const now = deps.clock.now();
  const event = newFiredEvent(webhook.vendor, testEvent, now, {
    activity: testEvent.activities[0]!,
    origin: 'synthetic',
    entityId: webhook.id,
    previousState: null,
    currentState: null,
  });
  return { event, deliveries: deps.deliveries.insertEventWithDeliveries(event, [webhook], now), skipped: [] };
}
