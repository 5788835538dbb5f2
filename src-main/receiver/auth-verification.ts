import { errors, jwtVerify } from 'jose';
import type { ExpectedAuth } from '../../src-shared/domain/bin-script.ts';
import type { AuthCheck } from '../../src-shared/domain/capture.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { decodeBasicCredentials } from './basic-credentials.ts';
import { ACCESS_TOKEN_ALGORITHM, type ReceiverTokens } from './oauth-token-endpoint.ts';
import { sameSecret } from '../platform/same-secret.ts';

const fail = (reason: string): AuthCheck => ({ valid: false, reason });

/** The scheme and its credentials, e.g. ["Basic", "dXNlcjpwYXNz"]; null when not of that form. */
function splitAuthorization(header: string): { scheme: string; credentials: string } | null {
  const match = /^(\S+)\s+(\S+)$/.exec(header.trim());
  return match ? { scheme: match[1], credentials: match[2] } : null;
}

function checkBasic(credentials: string, username: string, password: string): AuthCheck {
  const decoded = decodeBasicCredentials(credentials);
  if (!decoded) return fail('malformed Basic credentials: no "user:password" inside');
  const { user } = decoded;
  if (!sameSecret(user, username)) return fail(`wrong user: got ${user}, expected ${username}`);
  if (!sameSecret(decoded.password, password)) return fail(`wrong password for ${username}`);
  return { valid: true, reason: `Basic as ${username}` };
}

/** A JWT from this receiver's token endpoint: its signature, its expiry on the engine clock, its issuer, its client. */
async function checkIssuedToken(token: string, tokens: ReceiverTokens): Promise<AuthCheck> {
  const now = tokens.now();
  try {
    const { payload } = await jwtVerify(token, tokens.key, {
      issuer: tokens.issuer(),
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      currentDate: new Date(now),
      requiredClaims: ['exp', 'sub'],
    });
    const client = tokens.clients.findByClientId(payload.sub!);
    if (!client) return fail(`token issued to client_id ${payload.sub}, which has been deleted`);
    return { valid: true, reason: `token issued to ${client.name} (client_id ${client.clientId})` };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return fail(`token expired ${Math.floor(now / 1000) - Number(error.payload.exp)} s ago`);
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') {
      return fail(`token issued by ${String(error.payload.iss ?? 'nobody')}, not by this receiver (${tokens.issuer()})`);
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) return fail('token signature does not match: not issued by this receiver');
    if (error instanceof errors.JOSEError) return fail(`not a token of this receiver: ${error.message}`);
    throw error;
  }
}

/**
 * The receiver's verdict on a request's Authorization against what its bin expects; null when
 * the bin expects nothing. Reasons say what was proved or what was wrong, never a secret.
 */
export async function verifyAuthorization(headers: HttpHeaders, expected: ExpectedAuth, tokens: ReceiverTokens): Promise<AuthCheck | null> {
  if (expected.kind === 'none') return null;
  const header = headers.authorization;
  if (!header) return fail('missing Authorization header');
  const parts = splitAuthorization(header);
  const wantedScheme = expected.kind === 'basic' ? 'Basic' : 'Bearer';
  if (!parts || parts.scheme.toLowerCase() !== wantedScheme.toLowerCase()) {
    return fail(`expected ${wantedScheme} credentials, got ${parts ? parts.scheme : 'a malformed Authorization header'}`);
  }
  if (expected.kind === 'basic') return checkBasic(parts.credentials, expected.username, expected.password);
  if (expected.kind === 'bearer') {
    return sameSecret(parts.credentials, expected.token) ? { valid: true, reason: 'Bearer token matches' } : fail('wrong Bearer token');
  }
  return checkIssuedToken(parts.credentials, tokens);
}
