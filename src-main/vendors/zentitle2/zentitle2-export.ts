import { placeholder } from '../../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../../src-shared/domain/webhook.ts';
import type { ExportIssue, VendorWebhookExport } from '../vendor-profile.ts';

const BASE_URL = placeholder('ZENTITLE2_API_URL');
const API_HEADERS = {
  Authorization: `Bearer ${placeholder('ZENTITLE2_API_TOKEN')}`,
  'N-TenantId': placeholder('ZENTITLE2_TENANT_ID'),
  'Content-Type': 'application/json',
};

const NOTES = [
  "Zentitle2 management API, as Nalpeiron's n8n integration calls it (VENDORS.md): POST /api/v1/account/webhooks with { uri, subscriptions: [eventCode…] }.",
  "The API's own authentication (a Bearer token and the N-TenantId header) is a Hooklab assumption: the Zentitle2 documentation does not describe it.",
  "Receivers verify N-Signature with the account's public key (hooklab vendor key zentitle2): production signs with Zentitle2's key, not Hooklab's.",
];

export function exportZentitle2Webhook(webhook: Webhook): VendorWebhookExport {
  const issues: ExportIssue[] = [];
  if (!webhook.enabled) issues.push({ field: 'enabled', message: 'the Zentitle2 webhook API has no disabled state: the exported webhook is active' });
  if (webhook.description) issues.push({ field: 'description', message: 'the Zentitle2 webhook API takes no description: it is left out' });
  return {
    requests: [
      {
        operation: 'Create webhook',
        method: 'POST',
        url: `${BASE_URL}/api/v1/account/webhooks`,
        headers: API_HEADERS,
        body: { uri: webhook.endpointUrl, subscriptions: webhook.events },
      },
    ],
    registration: null,
    notes: NOTES,
    issues,
  };
}
