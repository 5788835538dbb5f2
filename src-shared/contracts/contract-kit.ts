import { z } from 'zod';
import { AppError } from '../errors.ts';
import { tooDeepMessage, tooDeepPath } from '../domain/json-depth.ts';

/**
 * Building blocks for a typed contract: a method has a runtime input schema (validated at
 * every boundary) and a compile-time output type; an event has a compile-time payload type.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: carries the output type, never read at run time. */
  readonly output?: O;
}

export interface EventSpec<P = unknown> {
  /** Phantom: carries the payload type, never read at run time. */
  readonly payload?: P;
}

export function method<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): MethodSpec<I, O> {
      return { input };
    },
  };
}

export function event<P>(): EventSpec<P> {
  return {};
}

/** Methods that take no argument; over HTTP an empty body, `null` or `{}` all mean none. */
export const noInput = z.union([z.undefined(), z.null(), z.strictObject({})], { error: 'takes no input: send no body, null or {}' }).transform(() => undefined);

export type Unsubscribe = () => void;

type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;

/** What a caller sees: methods return promises, events are `onX(listener)` returning an unsubscribe. */
export type ClientApi<M extends Record<string, MethodSpec>, E extends Record<string, EventSpec>> = {
  [K in keyof M]: undefined extends InputOf<M[K]> ? (input?: InputOf<M[K]>) => Promise<OutputOf<M[K]>> : (input: InputOf<M[K]>) => Promise<OutputOf<M[K]>>;
} & {
  [K in keyof E & string as `on${Capitalize<K>}`]: (listener: (payload: PayloadOf<E[K]>) => void) => Unsubscribe;
};

/** What an implementation provides: it receives input already validated, defaults applied. */
export type Handlers<M extends Record<string, MethodSpec>> = {
  [K in keyof M]: (input: ParsedInputOf<M[K]>) => Promise<OutputOf<M[K]>> | OutputOf<M[K]>;
};

export type EventPayloads<E extends Record<string, EventSpec>> = { [K in keyof E]: PayloadOf<E[K]> };

/** `webhooks[2].endpointUrl: must be …` — the path, then the rule. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

export function validationError(issues: FieldIssue[]): AppError {
  const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
  return new AppError('invalid_input', message, { issues });
}

/** Plain-words rules for zod's generic messages ("is required" instead of "expected string, received undefined"). */
export const issueMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined || issue.input === null ? 'is required' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map(String).join(', ')}`;
  return undefined;
};

/** Refuses input nested past JSON_DEPTH_MAX before anything recursive (zod, structuredClone) walks it. */
export function checkInputDepth(raw: unknown): void {
  const path = tooDeepPath(raw);
  if (path !== null) throw validationError([{ path: formatIssuePath(path), message: tooDeepMessage }]);
}

export function parseInput<I extends z.ZodType>(schema: I, raw: unknown): z.output<I> {
  checkInputDepth(raw);
  return parseDepthCheckedInput(schema, raw);
}

/** parseInput for input already checked for depth (detachedCopy checks it as it copies). */
export function parseDepthCheckedInput<I extends z.ZodType>(schema: I, raw: unknown): z.output<I> {
  const result = schema.safeParse(raw, { error: issueMessages });
  if (!result.success) throw validationError(fieldIssues(result.error));
  return result.data;
}
