import type { AppApi } from './app-contract.ts';
import { appEventNames, appMethodNames, type AppEventName, type AppMethodName } from './app-names.ts';
import type { Unsubscribe } from './contract-kit.ts';
import { listenerName } from './transport-names.ts';

export type CallFn = (name: AppMethodName, input: unknown) => Promise<unknown>;
export type SubscribeFn = (name: AppEventName, listener: (payload: unknown) => void) => Unsubscribe;

/**
 * Builds an AppApi from one call function and one subscribe function: one named function per
 * contract method and one `onX` per event. Every shell (IPC preload, HTTP client, in-process)
 * goes through here, so none can drift from the contract. It imports names and types only, so
 * the preload that uses it bundles no schema.
 */
export function buildClientApi(call: CallFn, subscribe: SubscribeFn): AppApi {
  const api: Record<string, unknown> = {};
  for (const name of appMethodNames) {
    api[name] = (input?: unknown) => call(name, input);
  }
  for (const name of appEventNames) {
    api[listenerName(name)] = (listener: (payload: unknown) => void) => subscribe(name, listener);
  }
  return api as AppApi;
}
