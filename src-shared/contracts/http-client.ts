import type { AppApi, AppEventName } from './app-contract.ts';
import { buildClientApi } from './client-api-builder.ts';
import { HTTP_EVENTS_ROUTE, httpRoute } from './transport-names.ts';
import { AppError, isErrorPayload } from '../errors.ts';

export interface HttpApiOptions {
  baseUrl: string;
  token: string;
  /** Delay before reopening a dropped event stream. */
  reconnectMs?: number;
  /** The fetch to call with (the CLI gives one without a deadline on long calls); the global one by default. */
  fetch?: typeof fetch;
}

/**
 * AppApi over HTTP: `POST /api/call/<method>` with a JSON body, events as server-sent events
 * read with fetch (so the token travels in a header, never in a URL).
 */
export function createHttpApi({ baseUrl, token, reconnectMs = 1000, fetch = globalThis.fetch }: HttpApiOptions): AppApi {
  const root = baseUrl.replace(/\/$/, '');
  const authHeader = { authorization: `Bearer ${token}` };
  const listeners = new Map<AppEventName, Set<(payload: unknown) => void>>();
  let stream: AbortController | null = null;

  async function call(name: Parameters<typeof httpRoute>[0], input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${root}${httpRoute(name)}`, {
        method: 'POST',
        headers: { ...authHeader, 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? null : input),
      });
    } catch (error) {
      throw new AppError('unavailable', `Hooklab at ${root} is not reachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      if (isErrorPayload(data)) throw AppError.fromPayload(data);
      throw new AppError('internal', `HTTP ${response.status} from ${name}`);
    }
    return data;
  }

  function dispatch(frame: string): void {
    let eventName = '';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) eventName = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    const set = listeners.get(eventName as AppEventName);
    if (!set || !data) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of set) listener(payload);
  }

  async function readStream(controller: AbortController): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`${root}${HTTP_EVENTS_ROUTE}`, { headers: authHeader, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let boundary = buffer.indexOf('\n\n');
          while (boundary >= 0) {
            dispatch(buffer.slice(0, boundary));
            buffer = buffer.slice(boundary + 2);
            boundary = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Dropped or refused: wait, then reopen while anyone still listens.
      }
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, reconnectMs));
    }
  }

  function subscribe(name: AppEventName, listener: (payload: unknown) => void) {
    let set = listeners.get(name);
    if (!set) {
      set = new Set();
      listeners.set(name, set);
    }
    set.add(listener);
    if (!stream) {
      stream = new AbortController();
      void readStream(stream);
    }
    return () => {
      set.delete(listener);
      const anyLeft = [...listeners.values()].some((remaining) => remaining.size > 0);
      if (!anyLeft && stream) {
        stream.abort();
        stream = null;
      }
    };
  }

  return buildClientApi(call, subscribe);
}
