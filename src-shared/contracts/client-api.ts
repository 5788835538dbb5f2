import {
  appContract,
  appEventNames,
  appMethodNames,
  isAppMethodName,
  type AppApi,
  type AppEventName,
  type AppEventPayloads,
  type AppHandlers,
  type AppMethodName,
} from './app-contract.ts';
import { parseDepthCheckedInput, parseInput, type Unsubscribe } from './contract-kit.ts';
import { detachedCopy } from './detached-copy.ts';
import { listenerName } from './transport-names.ts';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export type CallFn = (name: AppMethodName, input: unknown) => Promise<unknown>;
export type SubscribeFn = (name: AppEventName, listener: (payload: unknown) => void) => Unsubscribe;

/**
 * Builds an AppApi from one call function and one subscribe function: one named function per
 * contract method and one `onX` per event. Every shell (IPC preload, HTTP client, in-process)
 * goes through here, so none can drift from the contract.
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

/** Validates raw input against the method's schema, then runs the handler. */
export async function invokeMethod(handlers: AppHandlers, name: string, rawInput: unknown): Promise<unknown> {
  return invokeParsed(handlers, name, (schema) => parseInput(schema, rawInput));
}

function invokeParsed(handlers: AppHandlers, name: string, parse: (schema: z.ZodType) => unknown): unknown {
  if (!isAppMethodName(name)) throw new AppError('not_found', `Unknown method "${name}"`);
  const handler = handlers[name] as (input: unknown) => unknown;
  return handler(parse(appContract.methods[name].input));
}

export interface EventSource {
  subscribe<K extends AppEventName>(name: K, listener: (payload: AppEventPayloads[K]) => void): Unsubscribe;
}

/** The in-process API: same validation as the IPC and HTTP shells, no transport. */
export function createDirectApi(handlers: AppHandlers, events: EventSource): AppApi {
  return buildClientApi(
    // The copy refuses too deep an input, as parseInput would, in the same walk.
    async (name, input) => invokeParsed(handlers, name, (schema) => parseDepthCheckedInput(schema, detachedCopy(input))),
    (name, listener) => events.subscribe(name, listener as never),
  );
}
