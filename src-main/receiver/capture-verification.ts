import type { BinScript } from '../../src-shared/domain/bin-script.ts';
import type { AuthCheck } from '../../src-shared/domain/capture.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { SignatureCheck } from '../../src-shared/domain/webhook-signing.ts';
import { verifyAuthorization } from './auth-verification.ts';
import { verifyNSignature } from './n-signature-verification.ts';
import type { ReceiverTokens } from './oauth-token-endpoint.ts';
import { verifyStandardWebhooks } from './standard-webhooks-verification.ts';
import { isValidationRequest } from './webhook-validation-reply.ts';

export interface CaptureVerification {
  signature: SignatureCheck | null;
  nSignature: SignatureCheck | null;
  auth: AuthCheck | null;
}

export interface VerificationKeys {
  tokens: ReceiverTokens;
  /** The workspace's Zentitle2 account public key (PEM), read per request so a new key applies at once. */
  nSignatureAccountKey(): string | null;
}

/**
 * What a bin's script expects of a request (auth, Standard Webhooks, N-Signature) and whether it
 * holds — for requests the receiver gets and for imported ones alike.
 */
export async function verifyCapture(
  /** `checkedAt`: wall-clock time, which a Standard Webhooks timestamp is checked against as a real receiver does. */
  request: { method: string; headers: HttpHeaders; body: Buffer; checkedAt: number },
  script: BinScript,
  keys: VerificationKeys,
): Promise<CaptureVerification> {
  const { method, headers, body, checkedAt } = request;
  // A validation handshake is not a delivery and carries no credentials: nothing to check.
  const auth = isValidationRequest(method, headers) ? null : await verifyAuthorization(headers, script.expectedAuth, keys.tokens);
  const signature = script.signingSecrets.length > 0 ? verifyStandardWebhooks(headers, body, script.signingSecrets, checkedAt) : null;
  const nSignature = verifyNSignature(headers, body, { binKey: script.nSignatureKey, accountKeyPem: keys.nSignatureAccountKey });
  return { signature, nSignature, auth };
}
