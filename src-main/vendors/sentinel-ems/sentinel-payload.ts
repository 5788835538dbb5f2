import type { FiredEvent } from '../../../src-shared/domain/event.ts';
import type { PayloadTarget, VendorPayload } from '../vendor-profile.ts';

/**
 * Assumption (VENDORS.md): the seeds show `https://api.example.com/ems/v5/...` as the EMS
 * endpoint that caused an event; Hooklab uses that host for every synthetic event.
 */
export const SENTINEL_API_BASE = 'https://api.example.com/ems/v5';

const RESOURCE_PATHS: Record<string, string> = {
  Entitlement: 'entitlements',
};

/** "2025-07-23 10:01:33.437", in UTC. */
export function sentinelOpDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

export function sentinelOperationUrl(event: FiredEvent): string {
  const resource = RESOURCE_PATHS[event.entity] ?? event.entity.toLowerCase().replace(/\s+/g, '') + 's';
  const collection = `${SENTINEL_API_BASE}/${resource}`;
  return event.previousState ? `${collection}/${event.entityId}` : collection;
}

/**
 * The notification body exactly as seed 002 shows it: field order as in the examples, states as
 * JSON strings, and the states left out when the webhook's Include Data is No.
 */
export function buildSentinelBody(event: FiredEvent, target: PayloadTarget): Record<string, string> {
  const body: Record<string, string> = {
    eventName: event.eventName,
    entityName: event.entity,
    webhookId: target.webhookId,
    webhookName: target.webhookName,
    activityName: event.activity,
    requestId: event.requestId,
    eventId: event.id,
    url: sentinelOperationUrl(event),
    entityId: event.entityId,
  };
  if (target.includeData) {
    if (event.previousState) body.previousState = JSON.stringify(event.previousState);
    if (event.currentState) body.currentState = JSON.stringify(event.currentState);
  }
  body.opDatetime = sentinelOpDatetime(event.opTime);
  return body;
}

export function buildSentinelPayload(event: FiredEvent, target: PayloadTarget): VendorPayload {
  return {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(buildSentinelBody(event, target)),
  };
}

