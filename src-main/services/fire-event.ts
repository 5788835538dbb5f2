import { randomInt, randomUUID } from 'node:crypto';
import type { FireEventResult } from '../../src-shared/contracts/app-contract.ts';
import type { EventOrigin, FiredEvent, FireEventInput, SkippedWebhook } from '../../src-shared/domain/event.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import { matchesActivity } from '../../src-shared/domain/webhook-matching.ts';
import { conditionMatches, explainCondition } from '../conditions/condition-evaluation.ts';
import type { Clock } from '../engine/clock.ts';
import type { DeliveryRepository } from '../storage/delivery-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import type { GeneratedEntity, VendorProfile } from '../vendors/vendor-profile.ts';
import type { CatalogEvent, CatalogOperation, VendorId } from '../../src-shared/domain/vendor.ts';
import { requireCatalogActivity, requireCatalogEvent } from './catalog-lookup.ts';

export interface FireDeps {
  webhooks: WebhookRepository;
  deliveries: DeliveryRepository;
  profiles: Record<VendorId, VendorProfile>;
  clock: Clock;
}

type ParsedFireInput = Required<Pick<FireEventInput, 'vendor' | 'eventName'>> & FireEventInput;

/**
 * The entity exactly as the caller gave it, or null when something is missing and one must be
 * generated: generating costs more than the rest of firing, and a caller that brings its own
 * (a scenario, a replay) would throw it away.
 */
function suppliedEntity(input: ParsedFireInput, operation: CatalogOperation): GeneratedEntity | null {
  const { entityId, currentState, previousState } = input;
  if (entityId === undefined || currentState === undefined) return null;
  if (previousState === undefined && operation !== 'Create') return null;
  return { entityId, currentState, previousState: previousState ?? null };
}

/** An event of the catalog happening now: new event and request ids, op time = now. */
export function newFiredEvent(
  vendor: VendorId,
  catalogEvent: CatalogEvent,
  now: number,
  fields: Pick<FiredEvent, 'activity' | 'origin' | 'entityId' | 'previousState' | 'currentState'>,
): FiredEvent {
  return {
    id: randomUUID(),
    vendor,
    entity: catalogEvent.entity,
    eventName: catalogEvent.name,
    requestId: randomUUID(),
    opTime: now,
    createdAt: now,
    ...fields,
  };
}

/** Builds the event, finds the webhooks it reaches, and writes both to the outbox at once. */
export function fireEvent(deps: FireDeps, input: ParsedFireInput, origin: EventOrigin): FireEventResult {
  const catalogEvent = requireCatalogEvent(input.vendor, input.eventName);
  const activity = requireCatalogActivity(catalogEvent, input.activity);
  const profile = deps.profiles[input.vendor];
  const generated =
    suppliedEntity(input, catalogEvent.operation) ??
    profile.generateEntity(catalogEvent, {
      activity,
      seed: input.seed ?? randomInt(2 ** 31),
      entityId: input.entityId,
    });
  const now = deps.clock.now();
  const event = newFiredEvent(input.vendor, catalogEvent, now, {
    activity,
    origin,
    entityId: input.entityId ?? generated.entityId,
    previousState: input.previousState ?? generated.previousState,
    currentState: input.currentState ?? generated.currentState,
  });
  const { targets, skipped } = matchWebhooks(deps.webhooks.listSubscribedToEvent(input.vendor, catalogEvent.name), event);
  const deliveries = deps.deliveries.insertEventWithDeliveries(event, targets, now, skipped);
  return { event, deliveries, skipped };
}

/**
 * Matching = enabled ∧ event name (the subscribers given) ∧ activity filter ∧ trigger condition on
 * the current state; seed 002: "When both activity filtering and trigger conditions are defined,
 * the webhook fires only if both conditions are satisfied." Every subscriber left out is listed
 * with the first of those it failed.
 */
function matchWebhooks(subscribers: readonly Webhook[], event: FiredEvent): { targets: Webhook[]; skipped: SkippedWebhook[] } {
  const conditionContext = event.currentState ?? {};
  const targets: Webhook[] = [];
  const skipped: SkippedWebhook[] = [];
  const skip = (webhook: Webhook, reason: SkippedWebhook['reason'], condition?: SkippedWebhook['condition']) =>
    skipped.push({ webhookId: webhook.id, webhookName: webhook.name, reason, ...(condition ? { condition } : {}) });
  for (const webhook of subscribers) {
    if (!webhook.enabled) skip(webhook, 'disabled');
    else if (!matchesActivity(webhook, event.activity)) skip(webhook, 'activity_filtered');
    else if (!conditionMatches(webhook.condition, conditionContext)) {
      skip(webhook, 'condition_false', { text: webhook.condition, trace: explainCondition(webhook.condition, conditionContext) });
    } else targets.push(webhook);
  }
  return { targets, skipped };
}
