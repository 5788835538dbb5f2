import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DEFAULT_BIN_SCRIPT } from '../../src-shared/domain/bin-script.ts';
import { BIN_NAME, CAPTURE_BODY_LIMIT_BYTES, type CaptureSummary } from '../../src-shared/domain/capture.ts';
import type { HttpHeaders } from '../../src-shared/domain/delivery.ts';
import type { RandomSource } from '../engine/retry-policy.ts';
import type { BinScriptRepository } from '../storage/bin-script-repository.ts';
import type { CaptureRepository } from '../storage/capture-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import { verifyCapture, type VerificationKeys } from './capture-verification.ts';
import { chooseReply } from './scripted-reply.ts';
import { withValidationAnswer } from './webhook-validation-reply.ts';
import { registerTokenEndpoint } from './oauth-token-endpoint.ts';

export interface ReceiverOptions {
  /** Captures are stored through it, sharing commits with the engine's other writes. */
  commits: GroupCommit;
  captures: CaptureRepository;
  scripts: BinScriptRepository;
  onCapture(capture: CaptureSummary): void;
  now(): number;
  /** The OAuth token endpoint's clients and key (which also check the tokens bins expect), and the Zentitle2 account key. */
  keys: VerificationKeys;
  /** Draws for scripted failure rates; seeded in tests. */
  random?: RandomSource;
  /** Largest body accepted; bodies are stored whole, never truncated. */
  bodyLimitBytes?: number;
}

function flatten(headers: FastifyRequest['headers']): HttpHeaders {
  const flat: HttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * The built-in receiver: every request under /r/<bin>/… is captured (method, path, query,
 * headers, raw body bytes) and answered as the bin's script says (200 by default). An app
 * factory: callers decide where it listens.
 */
export function createReceiverApp(options: ReceiverOptions): FastifyInstance {
  const { commits, captures, scripts, keys, onCapture, now, random = Math.random, bodyLimitBytes = CAPTURE_BODY_LIMIT_BYTES } = options;
  // Hanging bins keep sockets open on purpose; closing the receiver must not wait for them.
  const app = Fastify({ bodyLimit: bodyLimitBytes, forceCloseConnections: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/', async () => ({
    service: 'Hooklab receiver',
    usage: "Send any request to /r/<bin>/<any path>; it is captured and answered as the bin's script says (200 by default).",
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
    const receivedAt = now();
    const script = scripts.get(bin) ?? DEFAULT_BIN_SCRIPT;
    const headers = flatten(request.headers);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    // Checked before the capture's write, outside its transaction: verifying a JWT is
    // asynchronous and an RSA verify is slow.
    const { signature, nSignature, auth } = await verifyCapture({ method: request.method, headers, body, receivedAt }, script, keys);
    // Captured (and committed) before any delay or answer, so a request whose sender gives up is
    // still on record, and one that got an answer is on disk.
    const { planned, summary } = await commits.run(() => {
      const planned = withValidationAnswer(request.method, headers, chooseReply(script, scripts.countRequest(bin), random));
      const summary = captures.insert({
        bin,
        method: request.method,
        path: pathPart.slice(`/r/${bin}`.length) || '/',
        query: queryAt < 0 ? '' : request.url.slice(queryAt + 1),
        headers,
        body,
        remoteAddress: request.ip,
        replyStatus: planned.mode === 'reply' ? planned.status : 0,
        replyMode: planned.mode,
        signature,
        nSignature,
        auth,
        receivedAt,
      });
      return { planned, summary };
    });
    onCapture(summary);
    if (planned.delayMs > 0) await sleep(planned.delayMs);
    if (planned.mode === 'reply') {
      return reply
        .code(planned.status)
        .headers(planned.headers)
        .send(planned.body ?? { received: true, captureId: summary.id });
    }
    reply.hijack();
    // 'hang': the socket stays open and silent until the sender's timeout closes it.
    if (planned.mode === 'close') request.raw.socket.destroy();
    return reply;
  };

  registerTokenEndpoint(app, keys.tokens);
  app.all('/r/:bin', handler);
  app.all('/r/:bin/*', handler);
  return app;
}
