import { placeholder, type ProductionRequest } from '../../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../../src-shared/domain/webhook.ts';
import type { ExportIssue, VendorWebhookExport } from '../vendor-profile.ts';

/** The `{{…}}` names the Zentitle2 scripts use; the emulated API's access() fills them in for this machine. */
export const ZENTITLE2_PLACEHOLDERS = {
  apiUrl: 'ZENTITLE2_API_URL',
  tokenUrl: 'ZENTITLE2_TOKEN_URL',
  clientId: 'ZENTITLE2_CLIENT_ID',
  clientSecret: 'ZENTITLE2_CLIENT_SECRET',
  tenantId: 'ZENTITLE2_TENANT_ID',
} as const;

/** The shell variable the token step keeps the access token in. */
const ACCESS_TOKEN = 'ZENTITLE2_ACCESS_TOKEN';

/** The Management API's OAuth 2.0 client-credentials step (VENDOR-APIS.md §3): the script gets its own token. */
const TOKEN_REQUEST: ProductionRequest = {
  operation: 'Get access token',
  method: 'POST',
  url: placeholder(ZENTITLE2_PLACEHOLDERS.tokenUrl),
  headers: {},
  body: null,
  form: {
    grant_type: 'client_credentials',
    client_id: placeholder(ZENTITLE2_PLACEHOLDERS.clientId),
    client_secret: placeholder(ZENTITLE2_PLACEHOLDERS.clientSecret),
  },
  keep: { field: 'access_token', variable: ACCESS_TOKEN },
};

const API_HEADERS = {
  Authorization: `Bearer \${${ACCESS_TOKEN}}`,
  'N-TenantId': placeholder(ZENTITLE2_PLACEHOLDERS.tenantId),
  'Content-Type': 'application/json',
};

const NOTES = [
  'Zentitle2 Management API (its OpenAPI spec): POST /api/v1/account/webhooks with { uri, subscriptions: [eventCode…] }, a Bearer token with scope webhooks:admin and the N-TenantId header.',
  "The token comes from the tenant's Keycloak (https://{tenant}.keycloak.nalpeiron.io/realms/{tenant}/protocol/openid-connect/token) by the client-credentials grant: ZENTITLE2_TOKEN_URL, with the API client's id and secret.",
  "Receivers verify N-Signature with the account's public key (hooklab vendor key zentitle2): production signs with Zentitle2's key, not Hooklab's.",
];

export function exportZentitle2Webhook(webhook: Webhook): VendorWebhookExport {
  const issues: ExportIssue[] = [];
  if (!webhook.enabled) issues.push({ field: 'enabled', message: 'the Zentitle2 webhook API has no disabled state: the exported webhook is active' });
  if (webhook.description) issues.push({ field: 'description', message: 'the Zentitle2 webhook API takes no description: it is left out' });
  return {
    requests: [
      TOKEN_REQUEST,
      {
        operation: 'Create webhook',
        method: 'POST',
        url: `${placeholder(ZENTITLE2_PLACEHOLDERS.apiUrl)}/api/v1/account/webhooks`,
        headers: API_HEADERS,
        body: { uri: webhook.endpointUrl, subscriptions: webhook.events },
      },
    ],
    registration: null,
    notes: NOTES,
    issues,
  };
}
