import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BIN_NAME, type CaptureSummary } from '../../src-shared/domain/capture.ts';
import type { HttpHeaders } from '../../src-shared/domain/delivery.ts';
import type { CaptureRepository } from '../storage/capture-repository.ts';

export interface ReceiverOptions {
  captures: CaptureRepository;
  onCapture(capture: CaptureSummary): void;
  now(): number;
  /** Largest body accepted; bodies are stored whole, never truncated. */
  bodyLimitBytes?: number;
}

const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;

function flatten(headers: FastifyRequest['headers']): HttpHeaders {
  const flat: HttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * The built-in receiver: every request under /r/<bin>/… is captured (method, path, query,
 * headers, raw body bytes) and answered 200. An app factory: callers decide where it listens.
 */
export function createReceiverApp({ captures, onCapture, now, bodyLimitBytes = DEFAULT_BODY_LIMIT }: ReceiverOptions): FastifyInstance {
  const app = Fastify({ bodyLimit: bodyLimitBytes });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/', async () => ({
    service: 'Hooklab receiver',
    usage: 'Send any request to /r/<bin>/<any path>; it is captured and answered 200.',
  }));

  const handler = async (request: FastifyRequest<{ Params: { bin: string } }>, reply: FastifyReply) => {
    const { bin } = request.params;
    if (!BIN_NAME.test(bin)) {
      return reply.code(400).send({
        code: 'invalid_input',
        message: 'bin: must be 1-64 letters, digits, - or _, starting with a letter or digit',
      });
    }
    const queryAt = request.url.indexOf('?');
    const pathPart = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
    const replyStatus = 200;
    const summary = captures.insert({
      bin,
      method: request.method,
      path: pathPart.slice(`/r/${bin}`.length) || '/',
      query: queryAt < 0 ? '' : request.url.slice(queryAt + 1),
      headers: flatten(request.headers),
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      remoteAddress: request.ip,
      replyStatus,
      receivedAt: now(),
    });
    onCapture(summary);
    return reply.code(replyStatus).send({ received: true, captureId: summary.id });
  };

  app.all('/r/:bin', handler);
  app.all('/r/:bin/*', handler);
  return app;
}
