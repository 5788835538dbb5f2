import type { FastifyReply } from 'fastify';
import type { FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { AppError } from '../../src-shared/errors.ts';

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

/** The statuses the webhook operations answer errors with, and their errorCode ("Error codes" assumption). */
const ERROR_CODES = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'ValidationFailed',
} as const;

export type Zentitle2ErrorStatus = keyof typeof ERROR_CODES;

export function sendApiError(
  reply: FastifyReply,
  status: Zentitle2ErrorStatus,
  error: string,
  validationErrors: Zentitle2ValidationError[] | null = null,
): FastifyReply {
  const body: Zentitle2ApiError = { error, errorCode: ERROR_CODES[status], details: null, validationErrors };
  return reply.code(status).send(body);
}

/** Hooklab's webhook fields by the name the Zentitle2 body gives them ("Validation errors" assumption). */
function propertyName(path: string): string {
  return path.replace(/^endpointUrl/, 'uri').replace(/^events/, 'subscriptions');
}

/**
 * An engine refusal as the vendor's error: a rule Hooklab keeps that the spec's schema does not
 * (its own URL limits, say) is a 422 naming the Zentitle2 property. Anything else is thrown on.
 */
export function sendEngineError(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'not_found') return sendApiError(reply, 404, error.message);
  if (error.code === 'conflict') return sendApiError(reply, 409, error.message);
  if (error.code !== 'invalid_input') throw error;
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [{ path: '', message: error.message }];
  return sendApiError(
    reply,
    422,
    'The request is not valid',
    issues.map((issue) => ({ propertyName: propertyName(issue.path), message: issue.message, code: 'HooklabRule' })),
  );
}
