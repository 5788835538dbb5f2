import { appContract, isAppMethodName, type AppApi, type AppEventName, type AppEventPayloads, type AppHandlers } from './app-contract.ts';
import type { z } from 'zod';
import { buildClientApi } from './client-api-builder.ts';
import { parseDepthCheckedInput, parseInput, type Unsubscribe } from './contract-kit.ts';
import { detachedCopy } from './detached-copy.ts';
import { AppError } from '../errors.ts';

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
