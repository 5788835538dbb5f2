import { shellQuoted } from '../../src-shared/domain/curl-command.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesBasicCredentials } from '../receiver/basic-credentials.ts';
import { authorizationCredentials } from './json-body.ts';
import { RequestRateLimit } from './request-rate-limit.ts';
import { sendSentinelError, SentinelApiError } from './sentinel-api-error.ts';
import { SENTINEL_AUTH_PROFILE_ROUTES } from './sentinel-auth-profiles.ts';
import { SENTINEL_EVENT_ROUTES } from './sentinel-events.ts';
import type { SentinelRoute } from './sentinel-request.ts';
import { SENTINEL_WEBHOOK_ROUTES } from './sentinel-webhooks.ts';
import type { VendorApiCredentials } from './vendor-api-credentials.ts';
import { registerVendorErrorAnswers } from './vendor-api-error-answers.ts';
import type { VendorApiModule } from './vendor-api-module.ts';

/** The WSG's base path; the resource paths under it are the "Paths" assumption. */
const PREFIX = '/ems/api/v5';

/** "Rate limit" assumption: EMS documents 429 but not its rate; this one no ordinary client reaches. */
export const SENTINEL_REQUESTS_PER_MINUTE = 600;
/** The WSG status table: a 429 "includes a Retry-After header set to 60 seconds". */
const RETRY_AFTER_SECONDS = 60;

/** The "API authentication" assumption: HTTP Basic only. */
function authorized(request: FastifyRequest, { username, password }: VendorApiCredentials['sentinel']): boolean {
  const encoded = authorizationCredentials(request, 'Basic');
  return encoded !== null && matchesBasicCredentials(encoded, username, password);
}

/** The EMS error code of a status fastify or the scope answers itself ("Error body" assumption). */
function errorCodeOf(status: number): string {
  if (status === 404) return 'RESOURCE_NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  return status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_REQUEST';
}

/** `/webhooks/{id}` as fastify's `/webhooks/:id`. */
const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const ROUTES: readonly SentinelRoute[] = [...SENTINEL_WEBHOOK_ROUTES, ...SENTINEL_EVENT_ROUTES, ...SENTINEL_AUTH_PROFILE_ROUTES];

/**
 * Thales Sentinel EMS webhook operations (VENDOR-APIS.md §2): the documented operations under
 * assumed paths, with EMS's REST conventions (Basic auth, PUT replaces, PATCH updates, 405 for a
 * method a path does not take, 429 + Retry-After 60). `requestsPerMinute` is per client address.
 */
const refuseSentinel = (reply: FastifyReply, status: number, message: string) =>
  sendSentinelError(reply, new SentinelApiError(status, errorCodeOf(status), message));

export function createSentinelApi({ requestsPerMinute = SENTINEL_REQUESTS_PER_MINUTE } = {}): VendorApiModule {
  return {
    vendor: 'sentinel-ems',
    pathPrefixes: [PREFIX],
    register(app, deps) {
      const rateLimit = new RequestRateLimit(requestsPerMinute, 60_000, deps.now);
      app.register(
        async (scope) => {
          scope.addHook('onRequest', async (request, reply) => {
            if (!rateLimit.take(request.ip)) {
              reply.header('retry-after', String(RETRY_AFTER_SECONDS));
              return sendSentinelError(
                reply,
                new SentinelApiError(429, 'TOO_MANY_REQUESTS', `more than ${requestsPerMinute} requests in a minute: try again later`),
              );
            }
            if (!authorized(request, deps.credentials.sentinel)) {
              reply.header('www-authenticate', 'Basic realm="Sentinel EMS"');
              return sendSentinelError(
                reply,
                new SentinelApiError(401, 'UNAUTHORIZED', 'the Authorization header must carry the API user name and password (HTTP Basic)'),
              );
            }
          });
          for (const route of ROUTES) {
            scope.route<{ Params: Record<string, string> }>({
              method: route.method,
              url: fastifyPath(route.path),
              handler: (request, reply) => route.handle(request, reply, deps.api),
            });
          }
          registerVendorErrorAnswers(
            scope,
            ROUTES.map((route) => ({ method: route.method, url: fastifyPath(route.path) })),
            { own: (error, reply) => error instanceof SentinelApiError && sendSentinelError(reply, error), answer: refuseSentinel },
          );
        },
        { prefix: PREFIX },
      );
    },
    refuse: (_request, reply, status, message) => refuseSentinel(reply, status, message),
    access(origin, { sentinel }) {
      const baseUrl = origin ? `${origin}${PREFIX}` : null;
      return {
        baseUrl,
        authentication: 'HTTP Basic with the user name and password below, as the EMS Web Services Guide describes.',
        credentials: [
          { name: 'User name', value: sentinel.username, secret: false },
          { name: 'Password', value: sentinel.password, secret: true },
        ],
        firstCall: baseUrl ? `curl -i -u ${shellQuoted(`${sentinel.username}:${sentinel.password}`)} ${shellQuoted(`${baseUrl}/webhooks`)}` : null,
        placeholders: { ...(baseUrl ? { EMS_BASE_URL: baseUrl } : {}), EMS_API_USER: sentinel.username, EMS_API_PASSWORD: sentinel.password },
        endpoints: ROUTES.map(({ method, path, summary }) => ({ method, path, summary, assumed: true })),
      };
    },
  };
}

export const sentinelApi = createSentinelApi();
