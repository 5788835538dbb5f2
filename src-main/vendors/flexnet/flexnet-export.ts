import { placeholder, type ProductionRequest } from '../../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../../src-shared/domain/webhook.ts';
import {
  FLEXNET_ENS_SUBSCRIPTIONS,
  FLEXNET_EVENT_TYPES,
  FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING,
  flexnetEventHeader,
  type FlexnetCategory,
} from '../../../src-shared/vendors/flexnet/catalog.ts';
import type { ExportCredentials, ExportIssue, VendorWebhookExport, WebhookExportContext } from '../vendor-profile.ts';

/** `https://<siteID>[-uat].flexnetoperations.com/notifications` (R/opsEvtNotSvcAccessBaseURL.htm). */
const ENS_URL = placeholder('FLEXNET_ENS_URL');
const SERVICE_URL = `${ENS_URL}/api/v1/notificationService`;
/** The JWT from /authenticate, kept by the script for the calls after it. */
const TOKEN = 'ENS_TOKEN';

/** R/opsEvtNotSvcAccessAuth.htm: "Fno" before base64(user:password) of an ENS REST API user. */
const AUTHENTICATE: ProductionRequest = {
  operation: 'Authenticate',
  method: 'POST',
  url: `${ENS_URL}/api/v1/authenticate`,
  headers: { Authorization: `Fno ${placeholder('FLEXNET_API_CREDENTIALS_BASE64')}` },
  body: null,
  keep: { field: 'token', variable: TOKEN },
};
const API_HEADERS = { Authorization: `Bearer \${${TOKEN}}`, 'Content-Type': 'application/json' };

const NOTES = [
  'FlexNet Operations documentation: one Event Notification Service configuration per tenant holds a webhook URL per category (entitlement, product, device) and one set of credentials that all of them use; POST makes it, PATCH updates it.',
  'FLEXNET_API_CREDENTIALS_BASE64 is base64 of user:password of an ENS REST API user (printf %s "user:password" | base64).',
  'Each script works whether or not the tenant is configured: a POST that finds a configuration (409) is followed by a PATCH with this category and the shared credentials. How /authenticate answers, the Bearer header and the 409 are Hooklab assumptions (the documentation does not give them): if your ENS answers otherwise, keep the authenticate step and the one of POST or PATCH that applies.',
  'fnoServiceUrl, fnoServiceUser and fnoServiceUserPassword are not exported: set them once for the tenant.',
];

/** authType and the credentials the documentation names for it: "These webhooks must be accessed using the same credentials". */
function sharedCredentials(credentials: ExportCredentials | null): Record<string, string> {
  if (credentials?.profile.kind === 'basic') return { authType: 'basic', basicUserId: credentials.profile.username ?? '', basicPassword: credentials.secret };
  if (credentials?.profile.kind === 'bearer') return { authType: 'bearer', authToken: credentials.secret };
  return { authType: 'none' };
}

const categoryOf = (webhook: Webhook) => flexnetEventHeader(webhook.events[0]!)!.event;

/**
 * ENS holds one URL per category: every script of the category POSTs, then PATCHes, the same
 * slot, so run in the exported order the last one is what stays configured.
 */
function sharedCategoryIssue(category: FlexnetCategory, exported: readonly Webhook[]): ExportIssue | null {
  const sameCategory = exported.filter((other) => other.vendor === 'flexnet' && categoryOf(other) === category);
  if (sameCategory.length < 2) return null;
  const last = sameCategory.at(-1)!;
  return {
    field: 'events',
    message: `FlexNet ENS has one ${category} webhook URL per tenant, and ${sameCategory.map((other) => `"${other.name}"`).join(', ')} all set it: run in the exported order, only "${last.name}" (${last.endpointUrl}) ends up configured`,
  };
}

export function exportFlexnetWebhook(webhook: Webhook, { credentials, account, exported }: WebhookExportContext): VendorWebhookExport {
  const issues: ExportIssue[] = [];
  const headers = webhook.events.map((event) => flexnetEventHeader(event)!);
  const category = headers[0]!.event;
  const shared = sharedCategoryIssue(category, exported);
  if (shared) issues.push(shared);
  if (headers.length < FLEXNET_EVENT_TYPES.length) {
    issues.push({
      field: 'events',
      message: `FlexNet ENS subscribes a URL to the whole ${category} category: it will also send ${FLEXNET_EVENT_TYPES.filter((type) => !headers.some((header) => header.eventType === type)).join(', ')} events`,
    });
  }
  const subscription = FLEXNET_ENS_SUBSCRIPTIONS[category];
  // The documentation writes the flags as strings: "the value must be enclosed in quotation marks".
  const configuration = {
    ...sharedCredentials(credentials),
    [`${subscription}Subscription`]: String(webhook.enabled),
    [`${subscription}WebhookUrl`]: webhook.endpointUrl,
    includeLineItemCustomAttributes: String(account[FLEXNET_LINE_ITEM_ATTRIBUTES_SETTING] === 'true'),
  };
  return {
    requests: [
      AUTHENTICATE,
      { operation: 'Configure the service', method: 'POST', url: SERVICE_URL, headers: API_HEADERS, body: configuration, alsoAccepted: [409] },
      { operation: 'Update the configuration', method: 'PATCH', url: SERVICE_URL, headers: API_HEADERS, body: configuration },
    ],
    registration: null,
    notes: NOTES,
    issues,
  };
}
