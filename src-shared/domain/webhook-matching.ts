import type { VendorId } from './vendor.ts';
import type { Webhook } from './webhook.ts';

/** An empty activity filter means every activity of the subscribed events. */
export function matchesActivity(webhook: Webhook, activity: string): boolean {
  return webhook.activities.length === 0 || webhook.activities.includes(activity);
}

/**
 * Matching = enabled ∧ event name ∧ activity filter (trigger conditions come with the dialect).
 * The engine selects by the first two in SQL; the UI previews the whole rule with this.
 */
export function webhookReceives(webhook: Webhook, vendor: VendorId, eventName: string, activity: string): boolean {
  return webhook.enabled && webhook.vendor === vendor && webhook.events.includes(eventName) && matchesActivity(webhook, activity);
}
