import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DEFAULT_BIN_SCRIPT } from '../../src-shared/domain/bin-script.ts';
import { CAPTURE_BODY_LIMIT_BYTES, type CaptureSummary } from '../../src-shared/domain/capture.ts';
import { BIN_NAME } from '../../src-shared/domain/bin-name.ts';
import type { CapturesPruned } from '../../src-shared/domain/capture-retention.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { RandomSource } from '../engine/retry-policy.ts';
import type { BinScriptRepository } from '../storage/bin-script-repository.ts';
import { capturedBytes, type CaptureRepository } from '../storage/capture-repository.ts';
import type { CaptureRetentionRepository } from '../storage/capture-retention-repository.ts';
import type { GroupCommit } from '../storage/group-commit.ts';
import { verifyCapture, type VerificationKeys } from './capture-verification.ts';
import { chooseReply } from './scripted-reply.ts';
import { withValidationAnswer } from './webhook-validation-reply.ts';
import { registerTokenEndpoint } from './oauth-token-endpoint.ts';

export interface ReceiverOptions {
  /** Captures are stored through it, sharing commits with the engine's other writes. */
  commits: GroupCommit;
  captures: CaptureRepository;
  /** The workspace's capture limits: enforced in the write that stores each capture. */
  retention: CaptureRetentionRepository;
  scripts: BinScriptRepository;
  onCapture(capture: CaptureSummary): void;
  onPruned(pruned: CapturesPruned): void;
  /** The engine clock (vendor time): captures are stamped with it, beside the deliveries they answer. */
  now(): number;
  /** Wall-clock time: Standard Webhooks timestamps are checked against it, as any real receiver does. */
  wallNow(): number;
  /** The OAuth token endpoint's clients and key (which also check the tokens bins expect), and the Zentitle2 account key. */
  keys: VerificationKeys;
  /** Draws for scripted failure rates; seeded in tests. */
  random?: RandomSource;
  /** Largest body accepted; bodies are stored whole, never truncated. */
  bodyLimitBytes?: number;
  /**
   * Deadline for a whole request, headers and body: a client trickling its body is answered 408
   * (or its socket closed) and nothing is captured. It does not limit a bin's scripted delay or
   * hang, which come after the request is read.
   */
  requestTimeoutMs?: number;
}

/** Long enough for a 64 MiB body over a slow link; a client sending less than ~2 MB/s is not a webhook sender. */
export const RECEIVER_REQUEST_TIMEOUT_MS = 30_000;
/** Node's own limit for the headers alone, kept unless the whole-request deadline is shorter. */
const HEADERS_TIMEOUT_MS = 60_000;
/** How often Node looks for requests past their deadline (its default, 30 s, would double ours). */
const DEADLINE_CHECK_INTERVAL_MS = 1_000;

/**
 * The request target in origin form. An absolute-form target (RFC 9112 §3.2.2, as sent to a
 * proxy: `POST http://host:port/r/bin/x?q=1`) loses its scheme and authority, so it is captured
 * exactly like the same request in origin form.
 */
export function originFormTarget(target: string): string {
  if (target.startsWith('/')) return target;
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(target);
  if (!authority) return target;
  const rest = target.slice(authority[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
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
  const { commits, captures, retention, scripts, keys, onCapture, onPruned, now, wallNow, random = Math.random } = options;
  const { bodyLimitBytes = CAPTURE_BODY_LIMIT_BYTES, requestTimeoutMs = RECEIVER_REQUEST_TIMEOUT_MS } = options;
  const app = Fastify({
    bodyLimit: bodyLimitBytes,
    // Hanging bins keep sockets open on purpose; closing the receiver must not wait for them.
    forceCloseConnections: true,
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs),
      connectionsCheckingInterval: Math.min(DEADLINE_CHECK_INTERVAL_MS, requestTimeoutMs),
    },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/', async () => ({
    service: 'Hooklab receiver',
    usage: "Send any request to /r/<bin>/<any path>; it is captured and answered as the bin's script says (200 by default).",
  }));

  /** A request that would not fit in the size limit even alone is answered 413 and not captured (true). */
  const refuseOverLimit = (reply: FastifyReply, headers: HttpHeaders, bodyBytes: number): boolean => {
    const size = capturedBytes(JSON.stringify(headers), bodyBytes);
    const { maxBytes } = retention.limits();
    if (size <= maxBytes) return false;
    reply.code(413).send({
      code: 'payload_too_large',
      message: `the request (${size} bytes with its headers) is larger than the workspace's capture size limit (${maxBytes} bytes); raise it in the Receiver page's retention settings or with \`hooklab captures retention --max-size\``,
    });
    return true;
  };

  const handler = async (request: FastifyRequest<{ Params: { bin: string } }>, reply: FastifyReply) => {
    const { bin } = request.params;
    if (!BIN_NAME.test(bin)) {
      return reply.code(400).send({
        code: 'invalid_input',
        message: 'bin: must be 1-64 letters, digits, - or _, starting with a letter or digit',
      });
    }
    const target = originFormTarget(request.url);
    const queryAt = target.indexOf('?');
    const pathPart = queryAt < 0 ? target : target.slice(0, queryAt);
    const receivedAt = now();
    const script = scripts.get(bin) ?? DEFAULT_BIN_SCRIPT;
    const headers = flatten(request.headers);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    // Again with the body read: a chunked one had no Content-Length to be refused by.
    if (refuseOverLimit(reply, headers, body.length)) return reply;
    // Checked before the capture's write, outside its transaction: verifying a JWT is
    // asynchronous and an RSA verify is slow.
    const { signature, nSignature, auth } = await verifyCapture({ method: request.method, headers, body, checkedAt: wallNow() }, script, keys);
    // Captured (and committed) before any delay or answer, so a request whose sender gives up is
    // still on record, and one that got an answer is on disk.
    const { planned, summary, pruned } = await commits.run(() => {
      const planned = withValidationAnswer(request.method, headers, chooseReply(script, scripts.countRequest(bin), random));
      const summary = captures.insert({
        bin,
        method: request.method,
        path: pathPart.slice(`/r/${bin}`.length) || '/',
        query: queryAt < 0 ? '' : target.slice(queryAt + 1),
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
      return { planned, summary, pruned: retention.prune('capture') };
    });
    onCapture(summary);
    if (pruned) onPruned(pruned);
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

  // Refused before the body is read when its declared length alone is over the size limit.
  const refuseOversized = async (request: FastifyRequest, reply: FastifyReply) => {
    if (refuseOverLimit(reply, flatten(request.headers), Number(request.headers['content-length'] ?? 0))) return reply;
  };

  registerTokenEndpoint(app, keys.tokens);
  app.all<{ Params: { bin: string } }>('/r/:bin', { onRequest: refuseOversized }, handler);
  app.all<{ Params: { bin: string } }>('/r/:bin/*', { onRequest: refuseOversized }, handler);
  return app;
}
