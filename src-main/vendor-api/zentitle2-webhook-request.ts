import type { JsonBody } from './json-body.ts';
import type { Zentitle2ValidationError } from './zentitle2-api-error.ts';
import { catalogEvents } from '../../src-shared/vendors/catalogs.ts';

/** CreateWebhookApiRequest and UpdateWebhookApiRequest (OAS-2023): the same two required fields, nothing else. */
export interface Zentitle2WebhookRequest {
  uri: string;
  subscriptions: string[];
}

/** OAS-2023: `uri` is 1–2048 characters. */
export const ZENTITLE2_URI_MAX = 2048;
const PROPERTIES = ['uri', 'subscriptions'];

/** "Paging" assumption: the spec's examples as defaults, and a bound on a page. */
export const ZENTITLE2_PAGE_DEFAULTS = { pageNumber: 1, pageSize: 10 };
export const ZENTITLE2_PAGE_SIZE_MAX = 100;

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400 | 422; error: string; validationErrors: Zentitle2ValidationError[] | null };

const invalid = (validationErrors: Zentitle2ValidationError[]): Checked<never> => ({
  ok: false,
  status: 422,
  error: 'The request is not valid',
  validationErrors,
});

function uriErrors(uri: unknown): Zentitle2ValidationError[] {
  const error = (message: string, code: string) => [{ propertyName: 'uri', message, code }];
  if (uri === undefined || uri === null || uri === '') return error("'uri' is required", 'Required');
  if (typeof uri !== 'string') return error("'uri' must be a string", 'InvalidType');
  if (uri.length > ZENTITLE2_URI_MAX) return error(`'uri' must be at most ${ZENTITLE2_URI_MAX} characters`, 'MaxLength');
  if (!URL.canParse(uri)) return error("'uri' must be an absolute URI, e.g. https://example.com/hooks", 'InvalidUri');
  return [];
}

function subscriptionErrors(subscriptions: unknown): Zentitle2ValidationError[] {
  const error = (propertyName: string, message: string, code: string) => [{ propertyName, message, code }];
  if (subscriptions === undefined || subscriptions === null) return error('subscriptions', "'subscriptions' is required", 'Required');
  if (!Array.isArray(subscriptions)) return error('subscriptions', "'subscriptions' must be a list of event codes", 'InvalidType');
  if (subscriptions.length === 0) return error('subscriptions', "'subscriptions' must name at least one event code", 'MinItems');
  const codes = new Set(catalogEvents('zentitle2').map((event) => event.name));
  return subscriptions.flatMap((code: unknown, index) => {
    const propertyName = `subscriptions[${index}]`;
    if (typeof code !== 'string') return error(propertyName, 'must be an event code string', 'InvalidType');
    if (!codes.has(code)) return error(propertyName, `'${code}' is not an event code: GET /api/v1/account/webhooks/events lists them`, 'UnknownEventCode');
    // "Validation errors" assumption: a code subscribed to twice is refused, not stored twice.
    const first = subscriptions.indexOf(code);
    return first === index ? [] : error(propertyName, `'${code}' is subscribed to already (subscriptions[${first}])`, 'Duplicate');
  });
}

/** A webhook body, checked as the spec's strict schema (additionalProperties false) has it. */
export function checkWebhookRequest(body: JsonBody): Checked<Zentitle2WebhookRequest> {
  // The spec's 400 "cannot parse": no JSON object to read fields from.
  if (!body.ok) return { ok: false, status: 400, error: body.message, validationErrors: null };
  const value = body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, error: 'The body must be a JSON object { uri, subscriptions }', validationErrors: null };
  }
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields)
    .filter((name) => !PROPERTIES.includes(name))
    .map((name) => ({ propertyName: name, message: `'${name}' is not a property of this request: only uri and subscriptions are`, code: 'UnknownProperty' }));
  const errors = [...unknown, ...uriErrors(fields.uri), ...subscriptionErrors(fields.subscriptions)];
  if (errors.length > 0) return invalid(errors);
  return { ok: true, value: { uri: fields.uri as string, subscriptions: fields.subscriptions as string[] } };
}

function pageParameter(raw: unknown, name: string, fallback: number, max: number): number | Zentitle2ValidationError {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < 1 || value > max) {
    return { propertyName: name, message: `'${name}' must be a whole number from 1 to ${max}`, code: 'OutOfRange' };
  }
  return value;
}

/** The list's `pageNumber` and `pageSize` query parameters (int32 in the spec). */
export function checkPaging(query: Record<string, unknown>): Checked<{ pageNumber: number; pageSize: number }> {
  const pageNumber = pageParameter(query.pageNumber, 'pageNumber', ZENTITLE2_PAGE_DEFAULTS.pageNumber, 2 ** 31 - 1);
  const pageSize = pageParameter(query.pageSize, 'pageSize', ZENTITLE2_PAGE_DEFAULTS.pageSize, ZENTITLE2_PAGE_SIZE_MAX);
  const errors = [pageNumber, pageSize].filter((value) => typeof value !== 'number');
  if (errors.length > 0) return invalid(errors);
  return { ok: true, value: { pageNumber: pageNumber as number, pageSize: pageSize as number } };
}
