import { placeholder } from '../../../src-shared/domain/production-export.ts';
import type { Webhook } from '../../../src-shared/domain/webhook.ts';
import { resolvedVendorOptions } from '../../../src-shared/vendors/catalogs.ts';
import type { ExportIssue, VendorWebhookExport, WebhookExportContext } from '../vendor-profile.ts';
import { cloudEventsCheckScript } from './cloudevents-check-script.ts';

const NOTES = [
  'The Event Notification Service documentation: the subscriber webhook, an OAuth 2.0 client-credentials token service and the client id and secret are registered with the Event Notification Service by ServicePower Professional Services; there is no API to call, so this is a description to hand to them.',
];

export function exportCloudEventsWebhook(webhook: Webhook, { credentials, account }: WebhookExportContext): VendorWebhookExport {
  const issues: ExportIssue[] = [];
  const oauth = credentials?.profile.kind === 'oauth2' ? credentials.profile.oauth : null;
  if (!oauth) {
    issues.push({
      field: 'authProfileId',
      message: `the Event Notification Service documentation requires an OAuth 2.0 client-credentials token service, not ${credentials?.profile.kind ?? 'none'}: token service URL and client id are placeholders`,
    });
  }
  if (!webhook.enabled) issues.push({ field: 'enabled', message: 'registration has no disabled state: the exported subscription is active' });
  const registration = {
    subscriberWebhookUrl: webhook.endpointUrl,
    tokenServiceUrl: oauth?.tokenUrl ?? placeholder('TOKEN_SERVICE_URL'),
    clientId: oauth?.clientId ?? placeholder('OAUTH_CLIENT_ID'),
    clientSecret: oauth ? credentials!.secret : placeholder('OAUTH_CLIENT_SECRET'),
    scope: oauth?.scope ?? '',
    audience: oauth?.audience ?? '',
    eventTypes: webhook.events,
    contentMode: resolvedVendorOptions('cloudevents', webhook.vendorOptions).mode,
    includeData: webhook.includeData,
    source: account.source ?? '',
  };
  const script = cloudEventsCheckScript({
    title: `CloudEvents service: webhook "${webhook.name}", a try of its registration`,
    notes: [
      ...NOTES,
      'This script registers nothing: it fetches a token and sends one CloudEvent, as the service will, to try the endpoint and the credentials first.',
    ],
    endpointUrl: registration.subscriberWebhookUrl,
    tokenUrl: registration.tokenServiceUrl,
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    scope: registration.scope,
    audience: registration.audience,
    clientAuth: oauth?.clientAuth ?? 'basic',
    eventType: webhook.events[0] ?? '',
    source: registration.source,
    mode: registration.contentMode,
  });
  return { requests: [], registration, notes: NOTES, issues, script };
}
