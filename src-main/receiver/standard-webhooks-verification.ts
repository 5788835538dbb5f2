import { sameSecret } from '../platform/same-secret.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { signingSecretHint, type SignatureCheck } from '../../src-shared/domain/webhook-signing.ts';
import { standardWebhooksSignature } from '../engine/standard-webhooks-signature.ts';

/** The spec's replay window, either side of the receiver's clock. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks a request the way a Standard Webhooks consumer does. `nowMs` is wall-clock time, as for
 * any real receiver: the engine stamps wall time too, whatever the time scale.
 */
export function verifyStandardWebhooks(headers: HttpHeaders, body: Buffer, secrets: readonly string[], nowMs: number): SignatureCheck {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) {
    const missing = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].filter((name) => !headers[name]);
    return { valid: false, reason: `no signature: missing header ${missing.join(', ')}` };
  }
  if (!/^\d+$/.test(timestamp)) return { valid: false, reason: `bad timestamp: "${timestamp}" is not unix seconds` };
  const skew = Number(timestamp) - Math.floor(nowMs / 1000);
  if (skew < -TIMESTAMP_TOLERANCE_SECONDS) return { valid: false, reason: `bad timestamp: ${-skew} s old (tolerance ${TIMESTAMP_TOLERANCE_SECONDS} s)` };
  if (skew > TIMESTAMP_TOLERANCE_SECONDS)
    return { valid: false, reason: `bad timestamp: ${skew} s in the future (tolerance ${TIMESTAMP_TOLERANCE_SECONDS} s)` };
  const offered = signatures.split(' ').filter((signature) => signature.startsWith('v1,'));
  for (const secret of secrets) {
    const expected = standardWebhooksSignature(secret, id, Number(timestamp), body);
    if (offered.some((signature) => sameSecret(signature, expected))) return { valid: true, reason: `signed with ${signingSecretHint(secret)}` };
  }
  return { valid: false, reason: `no signature matched: ${offered.length} v1 signature(s) checked against ${secrets.length} secret(s)` };
}
