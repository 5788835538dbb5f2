import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors, jwtVerify } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, clientCredentials, signAccessToken } from '../receiver/oauth-token-endpoint.ts';
import { sameSecret } from '../platform/same-secret.ts';
import { authorizationCredentials } from './json-body.ts';
import type { VendorApiDeps } from './vendor-api-module.ts';
import { sendApiError } from './zentitle2-api-error.ts';

/** Keycloak's token path, its realm the tenant id ("Token endpoint" assumption). */
export const ZENTITLE2_REALMS_PREFIX = '/realms/';
export const zentitle2TokenPath = (tenantId: string) => `${ZENTITLE2_REALMS_PREFIX}${tenantId}/protocol/openid-connect/token`;

/** The scope every webhook operation requires (OAS-2023). */
export const WEBHOOKS_SCOPE = 'webhooks:admin';
/** Keycloak's default access token lifespan ("Token lifetime" assumption). */
const TOKEN_LIFETIME_SECONDS = 300;
/** Tells these tokens from the FlexNet ENS JWTs signed with the same workspace key. */
const AUDIENCE = 'zentitle2-management-api';

/** "Token scope" assumption: without a scope, or with openid, the client's default scope comes with it. */
function grantedScope(requested: string | null): string {
  const asked = (requested ?? '').split(/\s+/).filter(Boolean);
  const scopes = asked.length === 0 || asked.includes('openid') ? [...asked, WEBHOOKS_SCOPE] : asked;
  return [...new Set(scopes)].join(' ');
}

function sendTokenError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error, error_description: description });
}

/** A refusal under /realms/ that the token endpoint's handler never saw (a body too large, a GET, an unknown path), as an OAuth 2.0 error. */
export function refuseTokenRequest(reply: FastifyReply, status: number, description: string): FastifyReply {
  return sendTokenError(reply, status, status >= 500 ? 'server_error' : 'invalid_request', description);
}

/**
 * Zentitle2's Keycloak token endpoint (client credentials, RFC 6749 §4.4): the workspace's client
 * id and secret, in the form (client_secret_post) or as Basic, get a JWT with the granted scope.
 */
export function registerZentitle2TokenEndpoint(app: FastifyInstance, deps: VendorApiDeps): void {
  app.post<{ Params: { realm: string } }>(zentitle2TokenPath(':realm'), async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const { tenantId, clientId, clientSecret } = deps.credentials.zentitle2;
    // Keycloak answers an unknown realm so.
    if (request.params.realm !== tenantId) return sendTokenError(reply, 404, 'Realm does not exist', `no realm ${request.params.realm}: use the tenant id`);
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
      return sendTokenError(reply, 400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
    if (form.get('grant_type') !== 'client_credentials') {
      return sendTokenError(reply, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    const client = clientCredentials(request, form);
    if (typeof client === 'string') return sendTokenError(reply, 401, 'invalid_client', client);
    if (!sameSecret(client.clientId, clientId) || !sameSecret(client.clientSecret, clientSecret)) {
      return sendTokenError(reply, 401, 'invalid_client', 'Invalid client or Invalid client credentials');
    }
    const scope = grantedScope(form.get('scope'));
    const accessToken = await signAccessToken(deps.credentials.tokenKey, {
      issuer: `http://${request.headers.host ?? '127.0.0.1'}${ZENTITLE2_REALMS_PREFIX}${tenantId}`,
      clientId,
      scope,
      audience: AUDIENCE,
      issuedAt: Math.floor(deps.now() / 1000),
      lifetimeSeconds: TOKEN_LIFETIME_SECONDS,
    });
    return reply.send({ access_token: accessToken, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer', scope });
  });
}

/** The scopes of a bearer token this API issued, or why it does not authenticate the call. */
async function tokenScopes(token: string | null, deps: VendorApiDeps): Promise<string[] | string> {
  if (!token) return 'Missing bearer token: send Authorization: Bearer <access token>';
  try {
    const { payload } = await jwtVerify(token, deps.credentials.tokenKey, {
      audience: AUDIENCE,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      currentDate: new Date(deps.now()),
      requiredClaims: ['exp', 'sub'],
    });
    if (payload.sub !== deps.credentials.zentitle2.clientId) return `The token was issued to client ${payload.sub}, not to this tenant's client`;
    return typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'The access token has expired';
    if (error instanceof errors.JOSEError) return 'Invalid access token';
    throw error;
  }
}

/**
 * Every webhook operation's checks, in this order: the token (401), the N-TenantId header, then
 * the token's scope (403: "N-TenantId missing or wrong" assumption). N-Api-Version is not
 * looked at ("Ignored headers" assumption).
 */
export async function authorizeZentitle2(request: FastifyRequest, reply: FastifyReply, deps: VendorApiDeps): Promise<FastifyReply | undefined> {
  const scopes = await tokenScopes(authorizationCredentials(request, 'Bearer'), deps);
  if (typeof scopes === 'string') return sendApiError(reply.header('www-authenticate', 'Bearer'), 401, scopes);
  const tenant = request.headers['n-tenantid'];
  if (typeof tenant !== 'string' || tenant === '') return sendApiError(reply, 403, 'Missing N-TenantId header');
  if (tenant !== deps.credentials.zentitle2.tenantId) return sendApiError(reply, 403, `Tenant ${tenant} is not this token's tenant`);
  if (!scopes.includes(WEBHOOKS_SCOPE)) return sendApiError(reply, 403, `The token lacks the ${WEBHOOKS_SCOPE} scope`);
  return undefined;
}
