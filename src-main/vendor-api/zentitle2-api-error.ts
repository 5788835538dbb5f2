import type { FastifyReply } from 'fastify';
import type { FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { AppError, type ErrorCode } from '../../src-shared/errors.ts';
import { INTERNAL_FAILURE_MESSAGE } from './vendor-api-error-answers.ts';

/** One rule a request broke, as the spec's ApiError lists it. */
export interface Zentitle2ValidationError {
  propertyName: string;
  message: string;
  code: string;
}

/** The spec's ApiError (VENDOR-APIS.md §3): every error answer of the webhook operations has this shape. */
export interface Zentitle2ApiError {
  error: string;
  errorCode: string;
  details: string | null;
  validationErrors: Zentitle2ValidationError[] | null;
}

/**
 * The statuses the webhook operations answer errors with, and their errorCode ("Error codes"
 * assumption). Any other status fastify refuses a request with is BadRequest, or InternalServerError
 * from 500 on.
 */
const ERROR_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'ValidationFailed',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

const errorCodeOf = (status: number) => ERROR_CODES[status] ?? (status >= 500 ? ERROR_CODES[500]! : ERROR_CODES[400]!);

export function sendApiError(reply: FastifyReply, status: number, error: string, validationErrors: Zentitle2ValidationError[] | null = null): FastifyReply {
  const body: Zentitle2ApiError = { error, errorCode: errorCodeOf(status), details: null, validationErrors };
  return reply.code(status).type('application/json').send(body);
}

/** Hooklab's webhook fields by the name the Zentitle2 body gives them ("Validation errors" assumption). */
function propertyName(path: string): string {
  return path.replace(/^endpointUrl/, 'uri').replace(/^events/, 'subscriptions');
}

/** Hooklab's refusals by the status the spec would answer them with. */
const ENGINE_STATUSES: Record<ErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};

/**
 * An engine refusal as the vendor's error: a rule Hooklab keeps that the spec's schema does not
 * (its own URL limits, say) is a 422 naming the Zentitle2 property. Anything not an AppError is
 * left to the caller (false).
 */
export function sendEngineError(reply: FastifyReply, error: unknown): FastifyReply | false {
  if (!(error instanceof AppError)) return false;
  const status = ENGINE_STATUSES[error.code];
  if (error.code !== 'invalid_input') return sendApiError(reply, status, status >= 500 ? INTERNAL_FAILURE_MESSAGE : error.message);
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [{ path: '', message: error.message }];
  return sendApiError(
    reply,
    status,
    'The request is not valid',
    issues.map((issue) => ({ propertyName: propertyName(issue.path), message: issue.message, code: 'HooklabRule' })),
  );
}
