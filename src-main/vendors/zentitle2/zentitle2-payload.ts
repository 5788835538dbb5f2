import type { FiredEvent } from '../../../src-shared/domain/event.ts';
import type { PayloadTarget, VendorPayload } from '../vendor-profile.ts';
import { zentitleTime } from './zentitle2-entities.ts';

/** The webhook call body as the Zentitle2 OpenAPI spec types it (VENDORS.md, "Envelope"). */
interface Zentitle2Envelope {
  eventId: string;
  eventDate: string;
  eventCode: string;
  resourceId: string;
  /** The try's number: a retry's body, and so its N-Signature, differs from the first try's. */
  callAttempt: number;
  /**
   * The entity as it is now, or as it was for an event without a current state. null for the
   * "Test" event, whose payload seed 004 calls "empty" (Hooklab's reading: a JSON null).
   */
  payload: Record<string, unknown> | null;
}

/** Zentitle2 has no "include data" switch: the payload always travels. */
function buildZentitle2Envelope(event: FiredEvent, target: PayloadTarget): Zentitle2Envelope {
  return {
    eventId: event.id,
    eventDate: zentitleTime(event.opTime),
    eventCode: event.eventName,
    resourceId: event.entityId,
    callAttempt: target.attempt,
    payload: event.currentState ?? event.previousState,
  };
}

export function buildZentitle2Payload(event: FiredEvent, target: PayloadTarget): VendorPayload {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(buildZentitle2Envelope(event, target)) };
}
