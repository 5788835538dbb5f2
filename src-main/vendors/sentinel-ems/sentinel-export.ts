import { placeholder, type ProductionRequest } from '../../../src-shared/domain/production-export.ts';
import { WEBHOOK_NAME_MAX, type Webhook } from '../../../src-shared/domain/webhook.ts';
import type { ExportCredentials, ExportIssue, VendorWebhookExport, WebhookExportContext } from '../vendor-profile.ts';

/** https://<host>/ems/api/v5: the WSG's base URL of the EMS REST API. */
const BASE_URL = placeholder('EMS_BASE_URL');
// The EMS REST API's own credentials are not Hooklab's to know: always placeholders. HTTP Basic, as the WSG documents.
const API_AUTH = { basicAuth: { username: placeholder('EMS_API_USER'), password: placeholder('EMS_API_PASSWORD') } };
const API_HEADERS = { 'Content-Type': 'application/json' };
const AUTH_PROFILE_NAME = placeholder('EMS_AUTH_PROFILE_NAME');

const NOTES = [
  "The Sentinel EMS documentation names the webhook attributes (Event, Name, Endpoint URL, Authentication Profile, Filter Activities, Trigger Conditions, Description, Include Data, Enable Webhook) and the Add Webhook API, but shows no JSON: the keys (the attribute names in camelCase), Yes/No as booleans and the resource paths (/webhooks, /authenticationProfiles under /ems/api/v5) are Hooklab assumptions, the same Hooklab's emulated EMS API serves. Check them against the Sentinel EMS REST API Reference.",
  'The Add Authentication Profile body (type BASIC or OAUTH and its fields) is a Hooklab assumption: the Sentinel EMS documentation only says webhooks authenticate with Basic or OAuth.',
  'Add the authentication profile first: the webhook refers to it by name. Webhooks sharing a profile each add it; a 409 (the name is taken) means it is there already, and the script goes on.',
];

function authProfileRequest({ profile, secret }: ExportCredentials): ProductionRequest | null {
  const url = `${BASE_URL}/authenticationProfiles`;
  const request = { operation: 'Add Authentication Profile', method: 'POST' as const, url, ...API_AUTH, headers: API_HEADERS, alsoAccepted: [409] };
  if (profile.kind === 'basic') return { ...request, body: { name: profile.name, type: 'BASIC', username: profile.username, password: secret } };
  if (profile.kind === 'oauth2' && profile.oauth) {
    const { tokenUrl, clientId, scope, audience } = profile.oauth;
    return { ...request, body: { name: profile.name, type: 'OAUTH', tokenUrl, clientId, clientSecret: secret, scope, audience } };
  }
  return null;
}

/** EMS webhooks subscribe to one event each, and names are unique: one webhook per event, the event in its name. */
function webhookName(webhook: Webhook, event: string): string {
  return webhook.events.length === 1 ? webhook.name : `${webhook.name} - ${event}`.slice(0, WEBHOOK_NAME_MAX);
}

export function exportSentinelWebhook(webhook: Webhook, { credentials }: WebhookExportContext): VendorWebhookExport {
  const issues: ExportIssue[] = [];
  const profileRequest = credentials ? authProfileRequest(credentials) : null;
  if (!profileRequest) {
    issues.push({
      field: 'authProfileId',
      message: `Sentinel EMS requires a Basic or OAuth authentication profile, not ${credentials?.profile.kind ?? 'none'}: the export names ${AUTH_PROFILE_NAME}, to be replaced by one you create in EMS`,
    });
  }
  if (webhook.events.length > 1) {
    issues.push({
      field: 'events',
      message: `a Sentinel EMS webhook subscribes to one event: exported as ${webhook.events.length} webhooks named "${webhook.name} - <event>"`,
    });
  }
  const authenticationProfile = { name: profileRequest ? credentials!.profile.name : AUTH_PROFILE_NAME };
  const webhookRequests = webhook.events.map(
    (event): ProductionRequest => ({
      operation: 'Add Webhook',
      method: 'POST',
      url: `${BASE_URL}/webhooks`,
      ...API_AUTH,
      headers: API_HEADERS,
      body: {
        event,
        name: webhookName(webhook, event),
        endpointUrl: webhook.endpointUrl,
        authenticationProfile,
        filterActivities: webhook.activities,
        triggerConditions: webhook.condition,
        description: webhook.description,
        includeData: webhook.includeData,
        enableWebhook: webhook.enabled,
      },
    }),
  );
  return { requests: [...(profileRequest ? [profileRequest] : []), ...webhookRequests], registration: null, notes: NOTES, issues };
}
