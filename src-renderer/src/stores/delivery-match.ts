import type { DeliveryMatch, DeliverySummary } from '../../../src-shared/domain/delivery.ts';

/**
 * The engine's search, applied to one delivery the live feed brought: decides whether a new
 * delivery belongs in the list on screen.
 */
export function matchesDelivery(match: DeliveryMatch, delivery: DeliverySummary): boolean {
  return (
    (match.webhookId === undefined || delivery.webhookId === match.webhookId) &&
    (match.eventId === undefined || delivery.eventId === match.eventId) &&
    (match.statuses === undefined || match.statuses.includes(delivery.status)) &&
    (match.createdFrom === undefined || delivery.createdAt >= match.createdFrom) &&
    (match.createdTo === undefined || delivery.createdAt < match.createdTo)
  );
}

export function isEmptyMatch(match: DeliveryMatch): boolean {
  return Object.values(match).every((value) => value === undefined);
}
