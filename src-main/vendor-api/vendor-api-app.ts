import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { INTERNAL_FAILURE_MESSAGE, refusalStatus } from './vendor-api-error-answers.ts';
import { loggedBody, loggedHeaders, type VendorApiLog } from './vendor-api-log.ts';
import type { VendorApiDeps, VendorApiModule } from './vendor-api-module.ts';

/** Management calls carry small JSON documents; anything larger is refused with 413 before it is read whole. */
export const VENDOR_API_BODY_LIMIT_BYTES = 1024 * 1024;
/** A whole request, headers and body, must arrive within this (408 otherwise), as on the receiver. */
export const VENDOR_API_REQUEST_TIMEOUT_MS = 30_000;

export interface VendorApiAppOptions {
  modules: readonly VendorApiModule[];
  deps: VendorApiDeps;
  log: VendorApiLog;
  requestTimeoutMs?: number;
}

function moduleOf(modules: readonly VendorApiModule[], url: string): VendorApiModule | null {
  return modules.find((module) => module.pathPrefixes.some((prefix) => url.startsWith(prefix))) ?? null;
}

/**
 * The emulated vendor management APIs on one fastify app: every vendor's routes under its own path
 * prefix, each call (request and response) added to the live log. An app factory: the caller
 * decides where it listens.
 */
export function createVendorApiApp({ modules, deps, log, requestTimeoutMs = VENDOR_API_REQUEST_TIMEOUT_MS }: VendorApiAppOptions): FastifyInstance {
  /** A refusal in the shape of the vendor whose path it is; a path of none gets a plain JSON error. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, status: number, message: string) => {
    const module = moduleOf(modules, request.url);
    return module ? module.refuse(request, reply, status, message) : reply.code(status).send({ error: message });
  };
  const app = Fastify({
    bodyLimit: VENDOR_API_BODY_LIMIT_BYTES,
    // Refusals before any route is known (a malformed URL, say) come in the vendor's shape too.
    frameworkErrors: (error, request, reply) => void refuse(request, reply, refusalStatus(error), error.message),
    forceCloseConnections: true,
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs) },
  });
  // Bodies stay bytes: each vendor parses them (json-body.ts) and answers a bad one in its own error shape.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const responses = new WeakMap<object, string>();
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) responses.set(request, loggedBody(payload));
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    log.add({
      vendor: moduleOf(modules, request.url)?.vendor ?? null,
      at: deps.now(),
      durationMs: Math.round(reply.elapsedTime),
      method: request.method,
      url: request.url,
      requestHeaders: loggedHeaders(request.headers),
      requestBody: loggedBody(Buffer.isBuffer(request.body) ? request.body : null),
      status: reply.statusCode,
      responseHeaders: loggedHeaders(reply.getHeaders()),
      responseBody: responses.get(request) ?? '',
    });
  });

  // Errors and paths outside every vendor's scope (a scope's own handlers answer within it).
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = refusalStatus(error);
    return refuse(request, reply, status, status >= 500 ? INTERNAL_FAILURE_MESSAGE : error.message);
  });
  app.setNotFoundHandler((request, reply) => refuse(request, reply, 404, `${request.method} ${request.url.split('?')[0]} maps to no resource`));
  for (const module of modules) module.register(app, deps);
  app.get('/', async () => ({
    service: 'Hooklab vendor management APIs',
    apis: modules.map((module) => ({ vendor: module.vendor, pathPrefixes: module.pathPrefixes })),
  }));
  return app;
}
