import { BIN_NAME } from '../../../../src-shared/domain/bin-name.ts';

const FALLBACK_BIN = 'inbox';

/**
 * An endpoint on the built-in receiver for a webhook: its bin is named after the webhook, so
 * its captures are easy to tell apart in the Receiver page.
 */
export function receiverEndpointFor(receiverUrl: string, webhookName: string): string {
  const slug = webhookName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  const bin = BIN_NAME.test(slug) ? slug : FALLBACK_BIN;
  return `${receiverUrl}/r/${bin}`;
}
