import { shellQuoted } from '../../../src-shared/domain/curl-command.ts';
import type { ClientAuthMethod } from '../../../src-shared/domain/auth-profile.ts';
import { exportScript } from '../bash-script.ts';

export interface CloudEventsCheck {
  title: string;
  notes: readonly string[];
  endpointUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  audience: string;
  clientAuth: ClientAuthMethod;
  eventType: string;
  source: string;
  mode: string;
}

/** The token request as the service makes it (RFC 6749 client credentials, like Hooklab's engine). */
function tokenStep(check: CloudEventsCheck): string[] {
  const form = [['grant_type', 'client_credentials']];
  if (check.scope) form.push(['scope', check.scope]);
  if (check.audience) form.push(['audience', check.audience]);
  const client =
    check.clientAuth === 'basic'
      ? [`  -u ${shellQuoted(`${check.clientId}:${check.clientSecret}`)} \\`]
      : [`  --data-urlencode ${shellQuoted(`client_id=${check.clientId}`)} \\`, `  --data-urlencode ${shellQuoted(`client_secret=${check.clientSecret}`)} \\`];
  return [
    `echo ${shellQuoted(`Token: POST ${check.tokenUrl}`)} >&2`,
    `token_response=$(curl --silent --show-error --fail-with-body -X POST ${shellQuoted(check.tokenUrl)} \\`,
    "  -H 'Accept: application/json' \\",
    ...client,
    ...form.map(([name, value]) => `  --data-urlencode ${shellQuoted(`${name}=${value}`)} \\`),
    '  )',
    `access_token=$(printf '%s' "$token_response" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/\\1/p')`,
    'if [ -z "$access_token" ]; then echo "no access_token in the token response: $token_response" >&2; exit 1; fi',
  ];
}

/** One CloudEvent as the service sends it, structured or binary, with the Bearer token just fetched. */
function eventStep(check: CloudEventsCheck): string[] {
  const attributes = { specversion: '1.0', type: check.eventType, source: check.source, id: 'hooklab-registration-check', time: '1970-01-01T00:00:00Z' };
  const data = { check: 'Sent by the Hooklab export script to try the registration; no entity changed.' };
  const binary = check.mode === 'binary';
  const headers = binary
    ? [...Object.entries(attributes).map(([name, value]) => `ce-${name}: ${value}`), 'Content-Type: application/json']
    : ['Content-Type: application/cloudevents+json'];
  const body = binary ? data : { ...attributes, datacontenttype: 'application/json', data };
  return [
    `echo ${shellQuoted(`CloudEvent ${check.eventType}: POST ${check.endpointUrl}`)} >&2`,
    `curl --silent --show-error --fail-with-body -X POST ${shellQuoted(check.endpointUrl)} \\`,
    // Double quotes: the token is the one shell expansion here, and it holds no quote.
    '  -H "Authorization: Bearer $access_token" \\',
    ...headers.map((header) => `  -H ${shellQuoted(header)} \\`),
    "  --data-binary @- <<'JSON_BODY'",
    JSON.stringify(body, null, 2),
    'JSON_BODY',
    'echo',
  ];
}

/**
 * The CloudEvents service has no API to register with, so its script does what the service will
 * do once registered: fetch a token from the subscriber's token service and POST one CloudEvent
 * with it, to try the endpoint and the credentials before handing them over.
 */
export function cloudEventsCheckScript(check: CloudEventsCheck): string {
  return exportScript(check.title, check.notes, [...tokenStep(check), ...eventStep(check)]);
}
