import { shellQuoted } from '../../src-shared/domain/curl-command.ts';
import { matchesBasicCredentials } from '../receiver/basic-credentials.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify, SignJWT } from 'jose';
import { AppError, type ErrorCode } from '../../src-shared/errors.ts';
import { authorizationCredentials, jsonBody } from './json-body.ts';
import { getEnsConfiguration, writeEnsConfiguration, type EnsOutcome } from './flexnet-ens-configuration.ts';
import type { VendorApiCredentials } from './vendor-api-credentials.ts';
import { registerVendorErrorAnswers } from './vendor-api-error-answers.ts';
import type { VendorApiDeps, VendorApiModule } from './vendor-api-module.ts';

const PREFIX = '/notifications';
/** Under PREFIX. */
const AUTHENTICATE = '/api/v1/authenticate';
const SERVICE = '/api/v1/notificationService';

/** Assumption "FlexNet ENS: the JWT": HS256, this issuer and audience (so no other vendor's token passes), one hour. */
const TOKEN_ISSUER = 'hooklab-flexnet-ens';
const TOKEN_AUDIENCE = 'flexnet-ens';
const TOKEN_LIFETIME_SECONDS = 3600;

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};
/** The engine's refusals as HTTP statuses; anything else is the service's own fault (500). */
const ENGINE_STATUS: Partial<Record<ErrorCode, number>> = { invalid_input: 400, not_found: 404, conflict: 409 };

/**
 * Assumption "FlexNet ENS: error body": Spring Boot's default error document, as the health
 * endpoint's {"status":"UP"} is Spring Boot Actuator's.
 */
function sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ timestamp: new Date().toISOString(), status, error: REASONS[status] ?? 'Error', message, path: request.url.split('?')[0] });
}

/** R/opsEvtNotSvcAccessAuth.htm: "Fno" or "Basic" before base64(user:password). */
function validLogin(request: FastifyRequest, { flexnet }: VendorApiCredentials): boolean {
  const encoded = authorizationCredentials(request, 'Fno') ?? authorizationCredentials(request, 'Basic');
  return encoded !== null && matchesBasicCredentials(encoded, flexnet.userId, flexnet.password);
}

/** Assumption "FlexNet ENS: the JWT": `Authorization: Bearer <JWT>`. */
async function validToken(request: FastifyRequest, deps: VendorApiDeps): Promise<boolean> {
  const token = authorizationCredentials(request, 'Bearer');
  if (token === null) return false;
  try {
    await jwtVerify(token, deps.credentials.tokenKey, {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(deps.now()),
    });
    return true;
  } catch {
    return false;
  }
}

async function issueToken(deps: VendorApiDeps): Promise<string> {
  const issuedAt = Math.floor(deps.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(deps.credentials.flexnet.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(deps.credentials.tokenKey);
}

function sendOutcome(request: FastifyRequest, reply: FastifyReply, outcome: EnsOutcome): FastifyReply {
  return outcome.status === 200 ? reply.send(outcome.body) : sendError(request, reply, outcome.status, outcome.message);
}

/** The body parsed and written; refusals (bad JSON, a field against the rules) become 400 naming the field, the engine's conflicts 409. */
async function write(request: FastifyRequest, reply: FastifyReply, deps: VendorApiDeps, initial: boolean): Promise<FastifyReply> {
  const body = jsonBody(request);
  if (!body.ok) return sendError(request, reply, 400, body.message);
  try {
    return sendOutcome(request, reply, await writeEnsConfiguration(deps.api, body.value, initial));
  } catch (error) {
    const status = error instanceof AppError ? ENGINE_STATUS[error.code] : undefined;
    if (status !== undefined) return sendError(request, reply, status, (error as AppError).message);
    throw error;
  }
}

/**
 * Revenera FlexNet Operations' Event Notification Service REST API (VENDOR-APIS.md §1): the
 * tenant's one notification configuration, behind a JWT from /authenticate. The configuration is
 * Hooklab's FlexNet account (shared credentials, settings) and one webhook per category.
 */
/** The scope's routes, relative to its prefix: any other method on their paths is 405. */
const FLEXNET_ROUTES = [
  { method: 'GET', url: '/health/status' },
  { method: 'POST', url: AUTHENTICATE },
  ...['GET', 'POST', 'PATCH'].map((method) => ({ method, url: SERVICE })),
];

export const flexnetApi: VendorApiModule = {
  vendor: 'flexnet',
  pathPrefixes: [PREFIX],
  register(app, deps) {
    // A plugin scope, so its error and not-found handlers answer only FlexNet's paths, in its error shape.
    app.register(
      async (scope) => {
        // R/opsEvtNotSvcStatus.htm: 200 {"status":"UP"}.
        scope.get('/health/status', async () => ({ status: 'UP' }));

        // Assumption "FlexNet ENS: /authenticate": POST, credentials in the header, {"token": JWT} back.
        scope.post(AUTHENTICATE, async (request, reply) => {
          if (!validLogin(request, deps.credentials)) {
            return sendError(request, reply, 401, 'Authenticate with "Authorization: Fno base64(user:password)" (or Basic) of an ENS REST API user');
          }
          return reply.send({ token: await issueToken(deps) });
        });

        const withToken = {
          onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
            if (await validToken(request, deps)) return;
            await sendError(request, reply, 401, 'A valid JWT from /api/v1/authenticate is required: "Authorization: Bearer <JWT>"');
          },
        };
        scope.get(SERVICE, withToken, async (request, reply) => sendOutcome(request, reply, await getEnsConfiguration(deps.api)));
        scope.post(SERVICE, withToken, (request, reply) => write(request, reply, deps, true));
        scope.patch(SERVICE, withToken, (request, reply) => write(request, reply, deps, false));
        // Assumption "FlexNet ENS: error body": fastify's own refusals (413 body too large...), unknown paths and methods (405) too.
        registerVendorErrorAnswers(scope, FLEXNET_ROUTES, {
          own: () => false,
          answer: (reply, status, message) => sendError(reply.request, reply, status, message),
        });
      },
      { prefix: PREFIX },
    );
  },
  refuse: sendError,
  access(origin, { flexnet }) {
    const baseUrl = origin ? `${origin}${PREFIX}` : null;
    return {
      baseUrl,
      authentication:
        'POST /api/v1/authenticate with "Authorization: Fno base64(user:password)" (or Basic) answers {"token": "<JWT>"}, valid one hour; send it as "Authorization: Bearer <JWT>".',
      credentials: [
        { name: 'User', value: flexnet.userId, secret: false },
        { name: 'Password', value: flexnet.password, secret: true },
      ],
      firstCall: baseUrl
        ? `curl -i -X POST ${shellQuoted(`${baseUrl}/api/v1/authenticate`)} -H ${shellQuoted(`Authorization: Fno ${Buffer.from(`${flexnet.userId}:${flexnet.password}`).toString('base64')}`)}`
        : null,
      placeholders: {
        ...(baseUrl ? { FLEXNET_ENS_URL: baseUrl } : {}),
        FLEXNET_API_CREDENTIALS_BASE64: Buffer.from(`${flexnet.userId}:${flexnet.password}`).toString('base64'),
      },
      endpoints: [
        { method: 'POST', path: '/api/v1/authenticate', summary: 'A JWT for the other calls (Fno or Basic credentials)', assumed: true },
        { method: 'GET', path: '/api/v1/notificationService', summary: 'The configuration, credentials masked; 404 before the first POST', assumed: false },
        { method: 'POST', path: '/api/v1/notificationService', summary: 'The initial configuration; 409 once configured', assumed: false },
        { method: 'PATCH', path: '/api/v1/notificationService', summary: 'Updates the fields given; 404 before the first POST', assumed: false },
        { method: 'GET', path: '/health/status', summary: 'Service health: {"status":"UP"}', assumed: false },
      ],
    };
  },
};
