import { entityStateJson } from '../../../src-shared/domain/entity-state-json.ts';
import type { FiredEvent } from '../../../src-shared/domain/event.ts';
import type { PayloadTarget, VendorPayload } from '../vendor-profile.ts';

/**
 * Assumption (VENDORS.md): the seeds show `https://api.example.com/ems/v5/...` as the EMS
 * endpoint that caused an event; Hooklab uses that host for every synthetic event.
 */
export const SENTINEL_API_BASE = 'https://api.example.com/ems/v5';

const RESOURCE_PATHS: Record<string, string> = {
  User: 'contacts',
  'Vendor User': 'users',
  'Custom Attributes': 'customAttributes',
  'Application Properties': 'applicationProperties',
};

/**
 * Seed 002's "Product Key Quantity Exhausted" sample, caused by "Add Activation", names the call
 * that activated: "url": "https://api.example.com/ems/v5/activations/bulkActivate". Every event
 * that activity causes comes from that call, whatever entity it reports.
 */
const ACTIVITY_PATHS: Record<string, string> = {
  'Add Activation': 'activations/bulkActivate',
};

function resourcePath(entity: string): string {
  const camel = entity.replace(/\s+(\w)/g, (_, first: string) => first.toUpperCase());
  return RESOURCE_PATHS[entity] ?? `${camel.charAt(0).toLowerCase()}${camel.slice(1)}s`;
}

/** "2025-07-23 10:01:33.437", in UTC. */
export function sentinelOpDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

function sentinelOperationUrl(event: FiredEvent): string {
  const byActivity = ACTIVITY_PATHS[event.activity];
  if (byActivity) return `${SENTINEL_API_BASE}/${byActivity}`;
  const collection = `${SENTINEL_API_BASE}/${resourcePath(event.entity)}`;
  return event.previousState ? `${collection}/${event.entityId}` : collection;
}

/**
 * The notification body exactly as seed 002 shows it: field order as in the examples, states as
 * JSON strings, and the states left out when the webhook's Include Data is No. A delete has a
 * previous state and no current one; seed 002: currentState "is blank for "Delete" events", so
 * the field is there, holding an empty string. Events that carry no previous state (creates,
 * "Entitlement Expired": "full entitlement payload only in the current state") leave it out,
 * as the "Add Namespace" sample does.
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
    if (event.previousState) body.previousState = entityStateJson(event.previousState);
    if (event.currentState) body.currentState = entityStateJson(event.currentState);
    else if (event.previousState) body.currentState = '';
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
