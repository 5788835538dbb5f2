import type { ClientAuthMethod } from '../../../src-shared/domain/auth-profile.ts';
import type { ProductionRequest } from '../../../src-shared/domain/production-export.ts';
import { curlScript } from '../curl-script.ts';

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

/** The shell variable the script keeps the access token in. */
const ACCESS_TOKEN = 'ACCESS_TOKEN';

/** The token request as the service makes it (RFC 6749 client credentials, like Hooklab's engine); the token is kept for the event. */
function tokenRequest(check: CloudEventsCheck): ProductionRequest {
  const basic = check.clientAuth === 'basic';
  return {
    operation: 'Token',
    method: 'POST',
    url: check.tokenUrl,
    headers: { Accept: 'application/json' },
    body: null,
    form: {
      ...(basic ? {} : { client_id: check.clientId, client_secret: check.clientSecret }),
      grant_type: 'client_credentials',
      ...(check.scope ? { scope: check.scope } : {}),
      ...(check.audience ? { audience: check.audience } : {}),
    },
    ...(basic ? { basicAuth: { username: check.clientId, password: check.clientSecret } } : {}),
    keep: { field: 'access_token', variable: ACCESS_TOKEN },
  };
}

/** One CloudEvent as the service sends it, structured or binary, with the Bearer token just fetched. */
function eventRequest(check: CloudEventsCheck): ProductionRequest {
  const attributes = { specversion: '1.0', type: check.eventType, source: check.source, id: 'hooklab-registration-check', time: '1970-01-01T00:00:00Z' };
  const data = { check: 'Sent by the Hooklab export script to try the registration; no entity changed.' };
  const binary = check.mode === 'binary';
  const headers = binary
    ? { ...Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`ce-${name}`, value])), 'Content-Type': 'application/json' }
    : { 'Content-Type': 'application/cloudevents+json' };
  return {
    operation: `CloudEvent ${check.eventType}`,
    method: 'POST',
    url: check.endpointUrl,
    headers: { Authorization: `Bearer \${${ACCESS_TOKEN}}`, ...headers },
    body: binary ? data : { ...attributes, datacontenttype: 'application/json', data },
  };
}

/**
 * The CloudEvents service has no API to register with, so its script does what the service will
 * do once registered: fetch a token from the subscriber's token service and POST one CloudEvent
 * with it, to try the endpoint and the credentials before handing them over.
 */
export function cloudEventsCheckScript(check: CloudEventsCheck): string {
  return curlScript(check.title, check.notes, [tokenRequest(check), eventRequest(check)]);
}
