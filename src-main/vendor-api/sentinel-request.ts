import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppApi } from '../../src-shared/contracts/app-contract.ts';
import { parseInput } from '../../src-shared/contracts/contract-kit.ts';
import type { VendorApiEndpoint } from '../../src-shared/domain/vendor-api.ts';
import { jsonBody } from './json-body.ts';
import { attributeError, sameNames, SentinelApiError, sentinelErrorOf } from './sentinel-api-error.ts';

/** "Paging" assumption: a page starts at a 0-based index and holds 25 items unless asked, at most 100. */
export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
/** "Paging" assumption: a bound, since a page of events over many webhooks reads every event before it. */
export const PAGE_START_INDEX_MAX = 10_000;

const wholeNumber = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

export const pagingQuery = {
  pageStartIndex: wholeNumber.pipe(z.number().max(PAGE_START_INDEX_MAX, `must be at most ${PAGE_START_INDEX_MAX}; narrow the search instead`)).optional(),
  pageSize: wholeNumber.pipe(z.number().min(1, 'must be at least 1').max(PAGE_SIZE_MAX, `must be at most ${PAGE_SIZE_MAX}`)).optional(),
};

export interface Paging {
  pageStartIndex?: number;
  pageSize?: number;
}

/** One page of `items` with the paging it was cut with and how many there are in all ("Paging" assumption). */
export function pageOf<T>(items: readonly T[], { pageStartIndex = 0, pageSize = PAGE_SIZE_DEFAULT }: Paging) {
  return { items: items.slice(pageStartIndex, pageStartIndex + pageSize), pageStartIndex, pageSize, count: items.length };
}

/** The input checked against `schema`, refused in the EMS error shape naming each attribute. */
export function sentinelParsed<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  try {
    return parseInput(schema, raw);
  } catch (error) {
    throw sentinelErrorOf(error, sameNames);
  }
}

/** The JSON body, in EMS attribute names; a missing or malformed one is refused in the EMS error shape. */
export function sentinelBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.output<S> {
  const body = jsonBody(request);
  if (!body.ok) throw new SentinelApiError(400, 'INVALID_JSON', body.message);
  if (body.value === null) throw new SentinelApiError(400, 'INVALID_REQUEST', 'the request body is required: a JSON object');
  return sentinelParsed(schema, body.value);
}

/** The query parameters; an unknown one is refused by name, so a misspelt filter does not silently match everything. */
export function sentinelQuery<S extends z.ZodType>(request: FastifyRequest, schema: S): z.output<S> {
  return sentinelParsed(schema, request.query ?? {});
}

/** One operation of the emulated EMS API: registered as a route, listed by `access()` (every one assumed: no EMS webhook API reference). */
export interface SentinelRoute {
  method: VendorApiEndpoint['method'];
  /** Relative to the base URL, path parameters in braces. */
  path: string;
  summary: string;
  handle(request: FastifyRequest<{ Params: Record<string, string> }>, reply: FastifyReply, api: AppApi): Promise<unknown>;
}

/** The object without its undefined fields: a PATCH changes only what it names. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/** A body may carry the resource's id (a GET's answer sent back to PUT or PATCH); it must be the one in the path. */
export function checkBodyId(given: string | undefined, target: string | null): void {
  if (given === undefined || given === target) return;
  throw attributeError('id', target === null ? 'is assigned by the API: leave it out' : `must be the id in the path ("${target}")`);
}
