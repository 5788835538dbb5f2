import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { startTestService, startVendorApiService } from '../../../fixtures/app-service.ts';
import { CURL, runExportScripts, vendorApiPlaceholders } from '../../../fixtures/export-round-trip.ts';

/** What the Zentitle2 API carries of a webhook (WebhookModel: uri, subscriptions), and its vendor. */
const carried = (webhook: Webhook) => ({ vendor: webhook.vendor, endpointUrl: webhook.endpointUrl, events: webhook.events });

describe('Zentitle2: production export → curl scripts → an empty workspace through the emulated API', () => {
  it('recreates the same webhooks, the scripts getting their own token', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const a = await startTestService();
    const seats = await a.api.createWebhook({
      vendor: 'zentitle2',
      name: 'Seats',
      events: ['entitlement.seat.activated', 'entitlement.seat.deactivated'],
      // A local address: the export writes {{ENDPOINT_URL}}, filled in per file below.
      endpointUrl: `${a.info.receiverUrl}/r/seats/hooks`,
    });
    const customers = await a.api.createWebhook({
      vendor: 'zentitle2',
      name: 'Customers',
      events: ['customer.created', 'customer.updated'],
      endpointUrl: 'https://example.com/zentitle2/customers',
    });
    const exported = await a.api.exportProductionConfig({ includeSecrets: true });
    const endpointOf: Record<string, string> = { 'seats.sh': seats.endpointUrl, 'customers.sh': customers.endpointUrl };

    const b = await startVendorApiService();
    expect(await b.api.listWebhooks()).toEqual([]);
    const outputs = await runExportScripts(exported, await vendorApiPlaceholders(b.api), (name) => ({ ENDPOINT_URL: endpointOf[name]! }));

    const recreated = await b.api.listWebhooks();
    expect(recreated.map(carried).sort((x, y) => x.endpointUrl.localeCompare(y.endpointUrl))).toEqual(
      [seats, customers].map(carried).sort((x, y) => x.endpointUrl.localeCompare(y.endpointUrl)),
    );
    // The token is kept in a shell variable, never printed.
    const calls = await b.api.listVendorApiCalls({ vendor: 'zentitle2' });
    const TOKEN = /^\/realms\/t_[^/]+\/protocol\/openid-connect\/token$/;
    expect(calls.reverse().map((call) => [call.method, TOKEN.test(call.url) ? 'token' : call.url, call.status])).toEqual([
      ['POST', 'token', 200],
      ['POST', '/api/v1/account/webhooks', 201],
      ['POST', 'token', 200],
      ['POST', '/api/v1/account/webhooks', 201],
    ]);
    expect(outputs.join('\n')).not.toMatch(/access_token/);
  });
});
