import type { Page } from '@playwright/test';
import { appEventNames, appMethodNames } from '../../src-shared/contracts/app-names.ts';
import { listenerName } from '../../src-shared/contracts/transport-names.ts';
import type { ServeProcess } from '../fixtures/cli-process.ts';
import { bearer, callMethod, openEventStream, type EventStream } from '../fixtures/serve-api.ts';

export interface IpcBridge {
  /** Every method the page called through `window.hooklab`, in order. */
  calls: string[];
  events: EventStream;
}

/**
 * Gives the page the `window.hooklab` the desktop preload exposes (one function per contract
 * method, one `onX` per event; rejections are `{ code, message, details }`), with the main process
 * played by this test: each call crosses into Node (as IPC crosses into Electron's main) and goes
 * to the serve API; each server-sent event is handed to the page's listeners (as `webContents.send`).
 * So the renderer takes its IPC transport branch against a real engine.
 */
export async function installIpcBridge(page: Page, serve: ServeProcess): Promise<IpcBridge> {
  const calls: string[] = [];
  await page.exposeBinding('hooklabMainProcess', async (_source, name: string, input: unknown) => {
    calls.push(name);
    const response = await callMethod(serve.apiUrl, name, input ?? null, bearer(serve.token));
    return response.status === 200 ? { ok: true, value: response.body } : { ok: false, error: response.body };
  });
  await page.addInitScript(
    ({ methods, events }) => {
      type Result = { ok: true; value: unknown } | { ok: false; error: unknown };
      const host = globalThis as unknown as {
        hooklabMainProcess(name: string, input: unknown): Promise<Result>;
        hooklabMainProcessEvent?: (name: string, payload: unknown) => void;
      };
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const api: Record<string, unknown> = {};
      for (const name of methods) {
        api[name] = async (input?: unknown) => {
          const result = await host.hooklabMainProcess(name, input);
          if (!result.ok) throw result.error;
          return result.value;
        };
      }
      for (const [name, listener] of events) {
        listeners.set(name, new Set());
        api[listener] = (callback: (payload: unknown) => void) => {
          listeners.get(name)!.add(callback);
          return () => listeners.get(name)!.delete(callback);
        };
      }
      host.hooklabMainProcessEvent = (name, payload) => listeners.get(name)?.forEach((callback) => callback(payload));
      // contextBridge hands the page a frozen copy it cannot replace.
      Object.defineProperty(globalThis, 'hooklab', { value: Object.freeze(api), writable: false, configurable: false });
    },
    { methods: [...appMethodNames], events: appEventNames.map((name) => [name, listenerName(name)] as const) },
  );
  const events = await openEventStream(serve.apiUrl, bearer(serve.token), ({ event, data }) => {
    void page
      .evaluate(
        ([name, payload]) => (globalThis as unknown as { hooklabMainProcessEvent(n: string, p: unknown): void }).hooklabMainProcessEvent(name, payload),
        [event, data] as const,
      )
      .catch(() => {
        // The page navigated or closed; listeners of the next page subscribe afresh.
      });
  });
  return { calls, events };
}
