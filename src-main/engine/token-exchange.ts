import { MASKED_SECRET, type TokenExchange } from '../../src-shared/domain/delivery.ts';
import type { AttemptRequest, HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { isJsonObject } from '../../src-shared/domain/json-object.ts';
import { isCredentialHeader } from '../storage/sealed-headers.ts';
import type { SendResult } from './http-sender.ts';

/** Form fields and answer fields that are secrets: the client's, and the tokens handed out. */
const SECRET_FORM_FIELDS = ['client_secret', 'client_assertion'];
const SECRET_ANSWER_FIELDS = ['access_token', 'refresh_token', 'id_token'];

function maskedHeaders(headers: HttpHeaders): HttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isCredentialHeader(name) ? MASKED_SECRET : value]));
}

function maskedForm(body: string): string {
  const form = new URLSearchParams(body);
  for (const field of SECRET_FORM_FIELDS) if (form.has(field)) form.set(field, MASKED_SECRET);
  // URLSearchParams would percent-encode the mask; the form is shown, not sent again.
  return decodeURIComponent(form.toString().replace(/\+/g, ' '));
}

/** A JSON answer with its tokens masked; any other answer holds no token the engine took, and stays. */
function maskedAnswer(body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return body;
  }
  if (!isJsonObject(value)) return body;
  const masked = { ...value };
  for (const field of SECRET_ANSWER_FIELDS) if (typeof masked[field] === 'string') masked[field] = MASKED_SECRET;
  return JSON.stringify(masked, null, 2);
}

/**
 * A token request and its answer as an attempt keeps them: the secrets masked here, before they
 * could reach the database, so what is stored holds none.
 */
export function recordedTokenExchange(request: AttemptRequest, result: SendResult, requestedAt: number, error: string | null): TokenExchange {
  return {
    requestedAt,
    request: { ...request, headers: maskedHeaders(request.headers), body: maskedForm(request.body) },
    response: result.response
      ? { status: result.response.status, headers: maskedHeaders(result.response.headers), body: maskedAnswer(result.response.body) }
      : null,
    error,
  };
}
