import type { Scenario, ScenarioWebhooks } from '../../src-shared/domain/scenario.ts';
import { webhookInputSchema, type Webhook } from '../../src-shared/domain/webhook.ts';
import { findCatalogEvent, vendorCatalogs } from '../../src-shared/vendors/catalogs.ts';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import { saveWebhook, type WebhookDeps } from './webhooks.ts';

interface NeededEvent {
  vendor: VendorId;
  eventName: string;
  activity: string;
  entity: string;
}

/** Delivers every time: enabled, for the event and activity, with no condition that could say no. */
function covers(webhook: Webhook, needed: NeededEvent): boolean {
  return (
    webhook.enabled &&
    webhook.vendor === needed.vendor &&
    webhook.events.includes(needed.eventName) &&
    (webhook.activities.length === 0 || webhook.activities.includes(needed.activity)) &&
    webhook.condition.trim() === ''
  );
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base} (${n})`;
  taken.add(name);
  return name;
}

/**
 * Webhooks to the built-in receiver for the steps of a scenario that no webhook would deliver:
 * one per vendor (per category for vendors whose webhook takes one), so a fresh workspace plays
 * the story with every step delivered. Steps that a webhook already covers are left alone.
 */
export function createScenarioWebhooks(deps: WebhookDeps, scenario: Scenario, receiverUrl: string): ScenarioWebhooks {
  const existing = deps.webhooks.list();
  const needed = new Map<string, NeededEvent>();
  const alreadyCovered = new Set<string>();
  for (const step of scenario.steps) {
    const event = findCatalogEvent(step.vendor, step.eventName)!;
    const wanted = { vendor: step.vendor, eventName: step.eventName, activity: step.activity ?? event.activities[0]!, entity: event.entity };
    if (existing.some((webhook) => covers(webhook, wanted))) alreadyCovered.add(step.eventName);
    else needed.set(JSON.stringify([wanted.vendor, wanted.eventName]), wanted);
  }
  const groups = new Map<string, NeededEvent[]>();
  for (const wanted of needed.values()) {
    const key = JSON.stringify([wanted.vendor, vendorCatalogs[wanted.vendor].oneEntityPerWebhook ? wanted.entity : '']);
    groups.set(key, [...(groups.get(key) ?? []), wanted]);
  }
  const names = new Set(existing.map((webhook) => webhook.name));
  const created = [...groups.values()].map((events) => {
    const { vendor, entity } = events[0]!;
    const bin = `story-${vendor}`;
    const perEntity = vendorCatalogs[vendor].oneEntityPerWebhook ? ` ${entity}` : '';
    return saveWebhook(
      deps,
      null,
      webhookInputSchema.parse({
        vendor,
        name: uniqueName(`Story - ${vendorCatalogs[vendor].label}${perEntity}`, names),
        events: events.map((each) => each.eventName),
        endpointUrl: `${receiverUrl}/r/${bin}`,
        description: `Created for the scenario "${scenario.name}": delivers its events to the built-in receiver, bin "${bin}".`,
      }),
    );
  });
  return { created, alreadyCovered: [...alreadyCovered] };
}
