import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { appEventNames, appMethodNames, type AppEventPayloads, type AppHandlers } from '../../src-shared/contracts/app-contract.ts';
import { invokeMethod } from '../../src-shared/contracts/client-api.ts';
import type { EventHub } from '../../src-shared/contracts/event-hub.ts';
import { HTTP_EVENTS_ROUTE, httpRoute } from '../../src-shared/contracts/transport-names.ts';
import { AppError, toErrorPayload, type ErrorCode } from '../../src-shared/errors.ts';
import { RENDERER_CSP } from './renderer-csp.ts';

export interface ApiServerOptions {
  handlers: AppHandlers;
  events: EventHub<AppEventPayloads>;
  /** Every API call must carry `Authorization: Bearer <token>`. */
  token: string;
  /** The host name the server is bound to, accepted in Host/Origin besides the loopback names. */
  bindHost: string;
  /** The renderer build to serve at `/`; the API alone when absent (desktop control server). */
  staticDir?: string;
  bodyLimitBytes?: number;
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const payload = toErrorPayload(error);
  return reply.code(STATUS[payload.code] ?? 500).send(payload);
}

/**
 * The HTTP shell: the AppApi contract as `POST /api/call/<method>`, events as server-sent events,
 * and (in serve mode) the renderer build. Host and Origin are checked against the bound
 * address on every request (DNS rebinding, CSRF); the API needs the per-run token.
 */
export function createApiServer(options: ApiServerOptions): FastifyInstance {
  // Event streams stay open; closing must not wait for them.
  const app = Fastify({ bodyLimit: options.bodyLimitBytes ?? 64 * 1024 * 1024, forceCloseConnections: true });

  const allowedHosts = (): Set<string> => {
    const port = (app.server.address() as { port: number } | null)?.port;
    return new Set(['127.0.0.1', 'localhost', '[::1]', options.bindHost].map((host) => `${host}:${port}`));
  };

  app.addHook('onRequest', async (request, reply) => {
    const hosts = allowedHosts();
    if (!hosts.has(request.headers.host ?? '')) {
      return sendError(reply, new AppError('forbidden', `Host "${request.headers.host}" is not allowed`));
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendError(reply, new AppError('forbidden', `Origin "${origin}" is not allowed`));
    }
    // The router decodes the path (`/%61pi/call/…` reaches `/api/call/…`): judge by the matched route too.
    const isApi = request.url.startsWith('/api/') || (request.routeOptions.url ?? '').startsWith('/api/');
    if (isApi && !tokenMatches(options.token, request.headers.authorization)) {
      return sendError(reply, new AppError('unauthorized', 'Missing or wrong access token: open the URL that `hooklab serve` printed'));
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', RENDERER_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  // Fastify's own rejections (malformed JSON, body too large) leave in the contract's error shape.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ code: 'invalid_input', message: `request body: ${error.message}` });
    return sendError(reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, new AppError('not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}`)));

  for (const name of appMethodNames) {
    app.post(httpRoute(name), async (request: FastifyRequest, reply) => {
      try {
        const result = await invokeMethod(options.handlers, name, request.body ?? undefined);
        return reply.send(result ?? null);
      } catch (error) {
        return sendError(reply, error);
      }
    });
  }

  app.get(HTTP_EVENTS_ROUTE, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'content-security-policy': RENDERER_CSP,
    });
    res.write(': connected\n\n');
    const unsubscribes = appEventNames.map((name) =>
      options.events.subscribe(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribes) unsubscribe();
    });
  });

  if (options.staticDir && existsSync(options.staticDir)) {
    void app.register(fastifyStatic, { root: options.staticDir, index: ['index.html'] });
  }
  return app;
}
