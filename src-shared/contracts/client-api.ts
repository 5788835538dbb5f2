import {
  appContract,
  isAppMethodName,
  type AppApi,
  type AppEventName,
  type AppEventPayloads,
  type AppHandlers,
} from './app-contract.ts';
import { buildClientApi } from './client-api-builder.ts';
import { checkInputDepth, parseInput, type Unsubscribe } from './contract-kit.ts';
import { detachedCopy } from './detached-copy.ts';
import { AppError } from '../errors.ts';

/** Validates raw input against the method's schema, then runs the handler. */
export async function invokeMethod(handlers: AppHandlers, name: string, rawInput: unknown): Promise<unknown> {
  if (!isAppMethodName(name)) throw new AppError('not_found', `Unknown method "${name}"`);
  const input = parseInput(appContract.methods[name].input, rawInput);
  const handler = handlers[name] as (input: unknown) => unknown;
  return handler(input);
}

export interface EventSource {
  subscribe<K extends AppEventName>(name: K, listener: (payload: AppEventPayloads[K]) => void): Unsubscribe;
}

/** The in-process API: same validation as the IPC and HTTP shells, no transport. */
export function createDirectApi(handlers: AppHandlers, events: EventSource): AppApi {
  return buildClientApi(
    async (name, input) => {
      // Copying recurses: too deep an input would overflow it before parseInput could say so.
      checkInputDepth(input);
      return invokeMethod(handlers, name, detachedCopy(input));
    },
    (name, listener) => events.subscribe(name, listener as never),
  );
}
