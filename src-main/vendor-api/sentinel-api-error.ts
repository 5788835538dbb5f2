import type { FastifyReply } from 'fastify';
import type { FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { toErrorPayload, type ErrorCode } from '../../src-shared/errors.ts';

/** One attribute the request got wrong, by its EMS name. */
export interface SentinelAttributeError {
  attribute: string;
  message: string;
}

/**
 * The EMS error body. The Web Services Guide says only that it "contains an error code and an
 * error message"; the field names and the per-attribute list are the "Error body" assumption.
 */
export interface SentinelErrorBody {
  errorCode: string;
  errorMessage: string;
  errors?: SentinelAttributeError[];
}

/** Thrown by the Sentinel EMS routes; the scope's error handler answers it in the EMS shape. */
export class SentinelApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly errors?: SentinelAttributeError[];

  constructor(status: number, errorCode: string, message: string, errors?: SentinelAttributeError[]) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.errors = errors;
  }

  body(): SentinelErrorBody {
    return this.errors
      ? { errorCode: this.errorCode, errorMessage: this.message, errors: this.errors }
      : { errorCode: this.errorCode, errorMessage: this.message };
  }
}

/** Hooklab's error codes as EMS statuses (the WSG status table) and error codes ("Error body" assumption). */
const BY_CODE: Record<ErrorCode, [number, string]> = {
  invalid_input: [400, 'INVALID_REQUEST'],
  not_found: [404, 'RESOURCE_NOT_FOUND'],
  conflict: [409, 'CONFLICT'],
  unauthorized: [401, 'UNAUTHORIZED'],
  forbidden: [403, 'FORBIDDEN'],
  unavailable: [503, 'SERVICE_UNAVAILABLE'],
  internal: [500, 'INTERNAL_ERROR'],
};

/** Renames a Hooklab field path (e.g. `webhook.condition`) to the EMS attribute it came from (`triggerConditions`). */
export type AttributeNames = (path: string) => string;

/**
 * Hooklab's error for a call made on behalf of an EMS request, in EMS terms: the status from the
 * error's code, and each invalid field named by its EMS attribute.
 */
export function sentinelErrorOf(error: unknown, attributes: AttributeNames): SentinelApiError {
  if (error instanceof SentinelApiError) return error;
  const payload = toErrorPayload(error);
  const [status, errorCode] = BY_CODE[payload.code];
  const issues = (payload.details as { issues?: FieldIssue[] } | undefined)?.issues;
  if (payload.code !== 'invalid_input' || !issues) return new SentinelApiError(status, errorCode, payload.message);
  const errors = issues.map((issue) => ({ attribute: attributes(issue.path), message: issue.message }));
  const message = errors.map((entry) => (entry.attribute ? `${entry.attribute}: ${entry.message}` : entry.message)).join('; ');
  return new SentinelApiError(status, errorCode, message, errors);
}

/** Runs a Hooklab call, turning its refusal into the EMS error naming the request's attributes. */
export async function asSentinel<T>(attributes: AttributeNames, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw sentinelErrorOf(error, attributes);
  }
}

/** Request attributes keep their names (query parameters, the EMS bodies parsed before Hooklab sees them). */
export const sameNames: AttributeNames = (path) => path;

export function sendSentinelError(reply: FastifyReply, error: SentinelApiError): FastifyReply {
  return reply.code(error.status).type('application/json').send(error.body());
}

/** A 400 naming one attribute of the request. */
export function attributeError(attribute: string, message: string): SentinelApiError {
  return new SentinelApiError(400, 'INVALID_REQUEST', `${attribute}: ${message}`, [{ attribute, message }]);
}

export function resourceNotFound(what: string, id: string): SentinelApiError {
  return new SentinelApiError(404, BY_CODE.not_found[1], `No ${what} has id "${id}"`);
}

/**
 * 409 when another of `named` (but `ownId`) has the name: names are unique in EMS, and the export's
 * scripts take a 409 on an add as "there already" ("Duplicate name" assumption).
 */
export function requireFreeName(named: readonly { id: string; name: string }[], what: string, name: string | undefined, ownId: string | null): void {
  if (name === undefined) return;
  const holder = named.find((candidate) => candidate.name === name.trim());
  if (holder && holder.id !== ownId) {
    throw new SentinelApiError(409, 'DUPLICATE_NAME', `name: another ${what} is named "${name}"`, [
      { attribute: 'name', message: `another ${what} has this name` },
    ]);
  }
}
