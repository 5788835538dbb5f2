import { placeholder } from '../../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../../src-shared/domain/webhook.ts';
import { FLEXNET_EVENT_TYPES, flexnetEventHeader } from '../../../src-shared/vendors/flexnet/catalog.ts';
import type { ExportIssue, VendorWebhookExport, WebhookExportContext } from '../vendor-profile.ts';

/** `https://<siteID>.flexnetoperations.com/notifications` (seed 000; "-uat" before the domain for UAT). */
const BASE_URL = placeholder('ENS_BASE_URL');
const API_HEADERS = { Authorization: `Bearer ${placeholder('FNO_API_TOKEN')}`, 'Content-Type': 'application/json' };

const NOTES = [
  "FlexNet Operations documentation: producers configure a webhook URL per category (entitlement, product, device) through the Event Notification Service REST API, and all of a tenant's webhooks share one Basic-auth user name and password.",
  'The resource path and JSON keys are Hooklab assumptions: the ENS Swagger (https://<siteID>.flexnetoperations.com/notifications/swagger-ui.html) is not in the FlexNet Operations documentation Hooklab follows. Check them there.',
];

export function exportFlexnetWebhook(webhook: Webhook, { credentials }: WebhookExportContext): VendorWebhookExport {
  const issues: ExportIssue[] = [];
  const headers = webhook.events.map((event) => flexnetEventHeader(event)!);
  const category = headers[0]!.event;
  if (headers.length < FLEXNET_EVENT_TYPES.length) {
    issues.push({
      field: 'events',
      message: `FlexNet ENS subscribes a URL to the whole ${category} category: it will also send ${FLEXNET_EVENT_TYPES.filter((type) => !headers.some((header) => header.eventType === type)).join(', ')} events`,
    });
  }
  if (!webhook.enabled) issues.push({ field: 'enabled', message: 'FlexNet ENS has no disabled webhooks: the exported subscription is active' });
  const basic = credentials?.profile.kind === 'basic' ? credentials : null;
  if (!basic) {
    issues.push({
      field: 'authProfileId',
      message: 'no Basic credentials are shared by the FlexNet account (hooklab vendor set flexnet --auth-profile): user name and password are placeholders',
    });
  }
  return {
    requests: [
      {
        operation: 'Configure webhook',
        method: 'PUT',
        url: `${BASE_URL}/webhooks/${category}`,
        headers: API_HEADERS,
        body: {
          category,
          webhookUrl: webhook.endpointUrl,
          username: basic?.profile.username ?? placeholder('BASIC_USERNAME'),
          password: basic?.secret ?? placeholder('BASIC_PASSWORD'),
        },
      },
    ],
    registration: null,
    notes: NOTES,
    issues,
  };
}
