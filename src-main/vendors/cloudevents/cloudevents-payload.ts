import type { HttpHeaders } from '../../../src-shared/domain/http-message.ts';
import type { FiredEvent } from '../../../src-shared/domain/event.ts';
import { CLOUDEVENTS_REQUEST_ORIGIN } from '../../../src-shared/vendors/cloudevents/catalog.ts';
import type { PayloadTarget, VendorPayload } from '../vendor-profile.ts';

/** The context attributes of one event (CloudEvents 1.0 §3.1), in the order the spec lists them. */
interface ContextAttributes {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
}

/**
 * Assumption (seed 003 shows no data): `data` is the entity as the event left it, or as it was
 * before a delete. Absent when the webhook's Include Data is off, which CloudEvents allows.
 */
function eventData(event: FiredEvent, target: PayloadTarget): Record<string, unknown> | null {
  if (!target.includeData) return null;
  return event.currentState ?? event.previousState;
}

function contextAttributes(event: FiredEvent, target: PayloadTarget): ContextAttributes {
  return {
    specversion: '1.0',
    // The event's id, not the try's: receivers de-duplicate retries by source + id (§3.1.1).
    id: event.id,
    source: target.account.source,
    type: event.eventName,
    subject: event.entityId,
    time: new Date(event.opTime).toISOString(),
  };
}

/**
 * CloudEvents webhook spec §4.1.2: once the endpoint has agreed, every delivery names the same
 * origin as the handshake did.
 */
const ORIGIN_HEADER: HttpHeaders = { 'webhook-request-origin': CLOUDEVENTS_REQUEST_ORIGIN };

/** HTTP binding §3.2: the whole event as JSON in the body (JSON event format §3). */
function structured(attributes: ContextAttributes, data: Record<string, unknown> | null): VendorPayload {
  const event = data === null ? attributes : { ...attributes, datacontenttype: 'application/json', data };
  return {
    headers: { 'content-type': 'application/cloudevents+json; charset=utf-8', ...ORIGIN_HEADER },
    body: JSON.stringify(event),
  };
}

/** HTTP binding §3.1: attributes in `ce-` headers, `data` alone in the body, its type in Content-Type. */
function binary(attributes: ContextAttributes, data: Record<string, unknown> | null): VendorPayload {
  const headers: HttpHeaders = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`ce-${name}`, value]));
  if (data === null) return { headers: { ...headers, ...ORIGIN_HEADER }, body: '' };
  return {
    headers: { ...headers, 'content-type': 'application/json', ...ORIGIN_HEADER },
    body: JSON.stringify(data),
  };
}

export function buildCloudEventsPayload(event: FiredEvent, target: PayloadTarget): VendorPayload {
  const attributes = contextAttributes(event, target);
  const data = eventData(event, target);
  return target.options.mode === 'binary' ? binary(attributes, data) : structured(attributes, data);
}
