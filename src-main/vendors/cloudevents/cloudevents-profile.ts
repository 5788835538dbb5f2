import type { ExponentialRetryPolicy } from '../../../src-shared/domain/retry-policy.ts';
import { MINUTE_MS } from '../../../src-shared/domain/time-units.ts';
import { CLOUDEVENTS_REQUEST_ORIGIN, cloudEventsCatalog } from '../../../src-shared/vendors/cloudevents/catalog.ts';
import type { VendorProfile } from '../vendor-profile.ts';
import { buildCloudEventsPayload } from './cloudevents-payload.ts';
import { exportCloudEventsWebhook } from './cloudevents-export.ts';
import { LICENSING_CHANGES, LICENSING_GENERATORS } from './licensing-entities.ts';

/**
 * Assumption: neither seed 003 nor the CloudEvents webhook spec gives a retry schedule (the spec
 * only says how 429 and 410 are honoured). Five retries backing off from 1 to 16 minutes, without
 * jitter so the schedule shown is the one that runs.
 */
const cloudEventsRetryPolicy: ExponentialRetryPolicy = {
  kind: 'exponential',
  baseMs: MINUTE_MS,
  factor: 2,
  maxMs: 16 * MINUTE_MS,
  jitter: 0,
  retries: 5,
};

export const cloudEventsProfile: VendorProfile = {
  catalog: cloudEventsCatalog,
  retryPolicy: cloudEventsRetryPolicy,
  retryPolicySource:
    'CloudEvents service: the Event Notification Service documentation and the CloudEvents webhook spec give no schedule; 5 retries at 1, 2, 4, 8 and 16 min is a Hooklab assumption',
  generateEntity(event, { seed, entityId }) {
    const now = Date.now();
    const state = LICENSING_GENERATORS[event.entity]({ seed, entityId, now });
    const id = String(state.id);
    if (event.operation === 'Create') return { entityId: id, previousState: null, currentState: state };
    if (event.operation === 'Delete') return { entityId: id, previousState: state, currentState: null };
    return { entityId: id, previousState: state, currentState: LICENSING_CHANGES[event.activities[0]!](state, now) };
  },
  buildPayload: buildCloudEventsPayload,
  exportWebhook: exportCloudEventsWebhook,
  endpointValidation: { origin: CLOUDEVENTS_REQUEST_ORIGIN },
};
