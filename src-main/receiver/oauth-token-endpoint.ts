import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import { decodeBasicCredentials } from './basic-credentials.ts';
import { clientSecretSha256, type ReceiverClientRepository, type StoredReceiverClient } from '../storage/receiver-client-repository.ts';

export const TOKEN_PATH = '/oauth/token';
const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/** What the receiver issues access tokens with, and checks them against. */
export interface ReceiverTokens {
  clients: ReceiverClientRepository;
  /** HS256 key of the workspace (see token-signing-key.ts). */
  key: Uint8Array;
  /** The receiver's URL, the `iss` of its tokens; known once the receiver listens. */
  issuer(): string;
  /** The engine's clock: tokens expire in vendor time, as the sender's cache reckons. */
  now(): number;
}

type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';

/** RFC 6749 §5.2: a JSON error; 401 for a client that failed to authenticate, 400 otherwise. */
function sendTokenError(reply: FastifyReply, error: TokenErrorCode, description: string) {
  if (error === 'invalid_client') reply.code(401).header('www-authenticate', 'Basic realm="Hooklab receiver"');
  else reply.code(400);
  return reply.send({ error, error_description: description });
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** RFC 6749 §2.3.1: Basic with form-encoded id and secret, or both in the form; never both ways. */
export function clientCredentials(request: FastifyRequest, form: URLSearchParams): ClientCredentials | string {
  const header = request.headers.authorization;
  const inForm = form.has('client_id') || form.has('client_secret');
  if (header !== undefined) {
    if (inForm) return 'the client authenticated both with Basic and in the form body; use one';
    const match = /^Basic\s+(\S+)$/i.exec(header);
    const decoded = match ? decodeBasicCredentials(match[1]) : null;
    if (!decoded) return 'the Authorization header is not Basic client credentials';
    const formDecode = (text: string) => new URLSearchParams(`v=${text}`).get('v') ?? '';
    return { clientId: formDecode(decoded.user), clientSecret: formDecode(decoded.password) };
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (!clientId || !clientSecret) return 'no client credentials: send client_id and client_secret with Basic auth or in the form body';
  return { clientId, clientSecret };
}

function authenticate(clients: ReceiverClientRepository, { clientId, clientSecret }: ClientCredentials): StoredReceiverClient | null {
  const client = clients.findByClientId(clientId);
  if (!client) return null;
  return timingSafeEqual(client.secretSha256, clientSecretSha256(clientSecret)) ? client : null;
}

export interface AccessTokenClaims {
  issuer: string;
  clientId: string;
  /** Empty: no scope (audience) claim. */
  scope: string;
  audience: string;
  /** Seconds since the epoch, on the engine clock. */
  issuedAt: number;
  lifetimeSeconds?: number;
}

/**
 * A JWT access token as the token endpoint issues it (RFC 9068 style). The endpoint check also
 * signs expired and wrong-audience ones with it, so they differ from real ones in that alone.
 */
export function signAccessToken(key: Uint8Array, claims: AccessTokenClaims): Promise<string> {
  const { issuer, clientId, scope, audience, issuedAt, lifetimeSeconds = ACCESS_TOKEN_LIFETIME_SECONDS } = claims;
  const jwt = new SignJWT({ client_id: clientId, ...(scope ? { scope } : {}) })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setSubject(clientId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .setJti(randomUUID());
  if (audience) jwt.setAudience(audience);
  return jwt.sign(key);
}

/**
 * The receiver's OAuth 2.0 token endpoint: the client-credentials grant (RFC 6749 §4.4) for
 * the clients made with createReceiverClient, answering with JWT access tokens (RFC 9068 style)
 * that bins expecting `issued-token` accept.
 */
export function registerTokenEndpoint(app: FastifyInstance, tokens: ReceiverTokens): void {
  app.post(TOKEN_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      return sendTokenError(reply, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
    const grantType = form.get('grant_type');
    if (!grantType) return sendTokenError(reply, 'invalid_request', 'grant_type is required');
    if (grantType !== 'client_credentials') {
      return sendTokenError(reply, 'unsupported_grant_type', `grant_type ${grantType} is not supported; only client_credentials is`);
    }
    const credentials = clientCredentials(request, form);
    if (typeof credentials === 'string') return sendTokenError(reply, 'invalid_client', credentials);
    const client = authenticate(tokens.clients, credentials);
    if (!client) return sendTokenError(reply, 'invalid_client', `unknown client_id ${credentials.clientId} or wrong client_secret`);

    const scope = form.get('scope') ?? '';
    const audience = form.get('audience') ?? '';
    const issuedAt = Math.floor(tokens.now() / 1000);
    const accessToken = await signAccessToken(tokens.key, { issuer: tokens.issuer(), clientId: client.clientId, scope, audience, issuedAt });
    return reply.send({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      ...(scope ? { scope } : {}),
    });
  });
}
