import type { FixedRetryPolicy } from '../../../src-shared/domain/retry-policy.ts';
import { MINUTE_MS } from '../../../src-shared/domain/time-units.ts';
import { zentitle2Catalog } from '../../../src-shared/vendors/zentitle2/catalog.ts';
import type { VendorProfile } from '../vendor-profile.ts';
import { generateZentitle2Entity } from './zentitle2-events.ts';
import { buildZentitle2Payload } from './zentitle2-payload.ts';
import { exportZentitle2Webhook } from './zentitle2-export.ts';

/**
 * Seed 004 only says that the "Test" event "is not retried if the request fails", so other calls
 * are, and the body's `callAttempt` counts the tries; how often and when is not said. Three
 * retries at 1, 5 and 30 minutes is a Hooklab assumption.
 */
const zentitle2RetryPolicy: FixedRetryPolicy = { kind: 'fixed', intervalsMs: [MINUTE_MS, 5 * MINUTE_MS, 30 * MINUTE_MS] };

export const zentitle2Profile: VendorProfile = {
  catalog: zentitle2Catalog,
  retryPolicy: zentitle2RetryPolicy,
  retryPolicySource:
    'Zentitle2: calls are retried (the Zentitle2 documentation: only "Test" is not), each body counting its callAttempt; it gives no schedule, so 3 retries at 1, 5 and 30 min is a Hooklab assumption. "Test" is never retried.',
  generateEntity: (event, { seed, entityId }) => generateZentitle2Entity(event, { seed, entityId, now: Date.now() }),
  buildPayload: buildZentitle2Payload,
  exportWebhook: exportZentitle2Webhook,
};
