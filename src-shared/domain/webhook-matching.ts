import type { VendorId } from './vendor.ts';
import type { Webhook } from './webhook.ts';

/** An empty activity filter means every activity of the subscribed events. */
export function matchesActivity(webhook: Webhook, activity: string): boolean {
  return webhook.activities.length === 0 || webhook.activities.includes(activity);
}

/**
 * Matching = enabled ∧ event name ∧ activity filter ∧ trigger condition. The condition needs the
 * event's state, so only the engine can evaluate it (src-main/conditions); this is the part a
 * preview can know before an event is fired. The engine selects by the first two in SQL.
 */
export function webhookReceives(webhook: Webhook, vendor: VendorId, eventName: string, activity: string): boolean {
  return webhook.enabled && webhook.vendor === vendor && webhook.events.includes(eventName) && matchesActivity(webhook, activity);
}
