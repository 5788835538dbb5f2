import { Agent, request } from 'undici';
import type { AttemptResponse } from '../../src-shared/domain/delivery.ts';
import type { AttemptRequest, HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { TransportFailure } from './outcome-classification.ts';
import { KeptResponseBody } from './response-body.ts';
import { WEBHOOK_TIMEOUT_MAX_MS } from '../../src-shared/domain/webhook.ts';

export interface SendResult {
  /**
   * What came back: set when the status line arrived. When the deadline cut the body short it
   * holds the bytes so far, and `failure` is 'timeout'.
   */
  response: AttemptResponse | null;
  error: string | null;
  /** Why no complete answer arrived; set whenever `response` is null, and for a body cut by the deadline. */
  failure?: TransportFailure;
  durationMs: number;
}

/** undici's codes for "the endpoint took too long", as opposed to "could not talk to it". */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

export interface HttpSenderOptions {
  /** The deadline of a request sent without one of its own (OAuth tokens, CloudEvents handshakes). */
  timeoutMs: number;
  /** Connections kept open per endpoint origin. */
  connectionsPerOrigin: number;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): HttpHeaders {
  const flat: HttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function describeError(error: unknown): { error: string; failure: TransportFailure } {
  const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code;
  const message = err.cause?.message ?? err.message ?? String(error);
  return {
    error: code ? `${code}: ${message}` : message,
    failure: code && TIMEOUT_CODES.has(code) ? 'timeout' : 'network',
  };
}

/** The error of a try the deadline ended, in the words the attempt view shows. */
function deadlineError(timeoutMs: number, bodyBytesSoFar?: number): string {
  const within = `no complete answer within ${timeoutMs / 1000} s`;
  return bodyBytesSoFar === undefined ? within : `${within} (the status line and headers arrived, then ${bodyBytesSoFar} bytes of the body)`;
}

/**
 * Sends webhook requests with connection reuse (one undici Agent per engine) under one deadline
 * per request. undici's own timeouts restart with every byte, so an endpoint trickling its body
 * could hold a try for ever: the deadline covers connect, headers and the whole body at once.
 */
export class HttpSender {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor({ timeoutMs, connectionsPerOrigin }: HttpSenderOptions) {
    this.timeoutMs = timeoutMs;
    // undici's own connect timeout (10 s) would cut a try before a longer per-webhook deadline: the deadline alone decides.
    this.agent = new Agent({ connections: connectionsPerOrigin, keepAliveTimeout: 10_000, connect: { timeout: WEBHOOK_TIMEOUT_MAX_MS } });
  }

  /**
   * `timeoutMs` is the deadline a failure names; `leftMs`, what is left of it when the try spent
   * some already (on an OAuth token, on a first request answered 401).
   */
  async send(req: AttemptRequest, timeoutMs: number = this.timeoutMs, leftMs: number = timeoutMs): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    // undici reads a timeout of 0 as none: at least 1 ms, which the abort below ends anyway.
    const budgetMs = Math.max(1, leftMs);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), budgetMs);
    try {
      const res = await request(req.url, {
        method: req.method as 'POST',
        headers: req.headers,
        body: req.body,
        dispatcher: this.agent,
        signal: deadline.signal,
        // The deadline bounds both; undici's defaults (300 s) must not end a try first.
        headersTimeout: budgetMs,
        bodyTimeout: budgetMs,
      });
      const body = new KeptResponseBody();
      const response = (): AttemptResponse => ({
        status: res.statusCode,
        headers: flattenHeaders(res.headers),
        body: body.text(),
        bodyBytes: body.bytes,
        bodyTruncated: body.truncated,
      });
      try {
        for await (const chunk of res.body) body.add(chunk as Buffer);
      } catch (error) {
        if (!deadline.signal.aborted) throw error;
        return { response: response(), error: deadlineError(timeoutMs, body.bytes), failure: 'timeout', durationMs: elapsed() };
      }
      return { response: response(), error: null, durationMs: elapsed() };
    } catch (error) {
      if (deadline.signal.aborted) return { response: null, error: deadlineError(timeoutMs), failure: 'timeout', durationMs: elapsed() };
      return { response: null, ...describeError(error), durationMs: elapsed() };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Called once the dispatcher has stopped and every try is recorded: what may still be open is a
   * shared OAuth token request no try waits for any more, which would hold the close up to its
   * own deadline. It is cut, not waited for.
   */
  close(): Promise<void> {
    return this.agent.destroy();
  }
}
