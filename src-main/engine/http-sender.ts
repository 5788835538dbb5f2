import { Agent, request } from 'undici';
import type { AttemptRequest, AttemptResponse, HttpHeaders } from '../../src-shared/domain/delivery.ts';
import type { TransportFailure } from './outcome-classification.ts';

export interface SendResult {
  response: AttemptResponse | null;
  error: string | null;
  /** Why no response arrived; set exactly when `response` is null. */
  failure?: TransportFailure;
  durationMs: number;
}

/** undici's codes for "the endpoint took too long", as opposed to "could not talk to it". */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

export interface HttpSenderOptions {
  /** Time allowed for the endpoint to answer with headers, and for the body to arrive. */
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

/** Sends webhook requests with timeouts and connection reuse (one undici Agent per engine). */
export class HttpSender {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor({ timeoutMs, connectionsPerOrigin }: HttpSenderOptions) {
    this.timeoutMs = timeoutMs;
    this.agent = new Agent({ connections: connectionsPerOrigin, keepAliveTimeout: 10_000, connect: { timeout: timeoutMs } });
  }

  async send(req: AttemptRequest): Promise<SendResult> {
    const started = performance.now();
    try {
      const res = await request(req.url, {
        method: req.method as 'POST',
        headers: req.headers,
        body: req.body,
        dispatcher: this.agent,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const body = await res.body.text();
      return {
        response: { status: res.statusCode, headers: flattenHeaders(res.headers), body },
        error: null,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      return { response: null, ...describeError(error), durationMs: Math.round(performance.now() - started) };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
