import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import { startTestService, startVendorApiService } from '../../../fixtures/app-service.ts';
import { runExportScripts, vendorApiPlaceholders } from '../../../fixtures/export-round-trip.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

/** What an ENS configuration carries of a webhook: its category's events, URL and subscription, in category order. */
async function ensWebhooks(api: AppApi) {
  const webhooks = (await api.listWebhooks()).filter((webhook) => webhook.vendor === 'flexnet');
  return webhooks.map(({ events, endpointUrl, enabled }) => ({ events, endpointUrl, enabled })).sort((a, b) => a.events[0]!.localeCompare(b.events[0]!));
}

/** The account's shared credentials as ENS carries them: the kind and the user (the secret is checked on the wire). */
async function sharedCredentials(api: AppApi) {
  const { authProfileId, settings } = await api.getVendorAccount({ vendor: 'flexnet' });
  const profile = (await api.listAuthProfiles()).find((candidate) => candidate.id === authProfileId);
  return { kind: profile?.kind ?? 'none', username: profile?.username ?? null, includeLineItemCustomAttributes: settings.includeLineItemCustomAttributes };
}

describe('FlexNet ENS: production export → curl scripts filled in → an empty workspace through the emulated API', () => {
  it('recreates both categories’ webhooks and the shared Basic credentials; the scripts run again against the configured service', async () => {
    const target = await startVendorApiService();
    const receiverUrl = (await target.api.getAppInfo()).receiverUrl;
    const urls = { entitlements: `${receiverUrl}/r/ens-ent/hook`, products: `${receiverUrl}/r/ens-prod/hook` };

    const { api: source } = await startTestService();
    const tenant = await source.createAuthProfile({ kind: 'basic', name: 'Tenant', username: 'revenera_webhook_user', password: 'shared-secret' });
    await source.updateVendorAccount({ vendor: 'flexnet', authProfileId: tenant.id, settings: { includeLineItemCustomAttributes: 'true' } });
    await source.createWebhook({ vendor: 'flexnet', name: 'Entitlements', events: ['ENT CREATE', 'ENT UPDATE', 'ENT DELETE'], endpointUrl: urls.entitlements });
    await source.createWebhook({
      vendor: 'flexnet',
      name: 'Products',
      events: ['PROD CREATE', 'PROD UPDATE', 'PROD DELETE'],
      endpointUrl: urls.products,
      enabled: false,
    });

    const exported = await source.exportProductionConfig({ includeSecrets: true });
    expect(exported.warnings.filter((warning) => warning.field !== 'endpointUrl')).toEqual([]);
    const placeholders = await vendorApiPlaceholders(target.api);
    const perFile = (name: string) => ({ ENDPOINT_URL: name.startsWith('entitlements') ? urls.entitlements : urls.products });
    const outputs = await runExportScripts(exported, placeholders, perFile);
    expect(outputs[0]).toMatch(/Configure the service: POST/);
    // The second script finds the configuration the first made: 409, then its PATCH.
    expect(outputs[1]).toMatch(/"status":409/);
    // The JWT is kept, never printed.
    for (const output of outputs) expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

    expect(await ensWebhooks(target.api)).toEqual(await ensWebhooks(source));
    expect(await sharedCredentials(target.api)).toEqual(await sharedCredentials(source));

    // The same secret on the wire: an entitlement event reaches the bin with the source's Basic credentials.
    await target.api.fireEvent({ vendor: 'flexnet', eventName: 'ENT UPDATE' });
    const [capture] = await waitFor(async () => {
      const captures = await target.api.listCaptures({ bin: 'ens-ent' });
      return captures.length > 0 ? captures : null;
    }, 'the entitlement delivery');
    const detail = await target.api.getCapture({ id: capture!.id });
    expect(detail.headers.authorization).toBe(`Basic ${Buffer.from('revenera_webhook_user:shared-secret').toString('base64')}`);

    // Run again, the configuration there already: nothing doubles.
    await runExportScripts(exported, placeholders, perFile);
    expect(await ensWebhooks(target.api)).toEqual(await ensWebhooks(source));
  });

  it('a Bearer account exports authType bearer and arrives as the same static token', async () => {
    const target = await startVendorApiService();
    const url = `${(await target.api.getAppInfo()).receiverUrl}/r/ens-device/hook`;
    const { api: source } = await startTestService();
    const token = await source.createAuthProfile({ kind: 'bearer', name: 'Static', token: 'ens-static-token' });
    await source.updateVendorAccount({ vendor: 'flexnet', authProfileId: token.id });
    await source.createWebhook({ vendor: 'flexnet', name: 'Devices', events: ['DEVICE CREATE', 'DEVICE UPDATE', 'DEVICE DELETE'], endpointUrl: url });

    const exported = await source.exportProductionConfig({ includeSecrets: true });
    expect(exported.webhooks[0]!.requests[1]!.body).toMatchObject({ authType: 'bearer', authToken: 'ens-static-token', deviceSubscription: 'true' });
    await runExportScripts(exported, await vendorApiPlaceholders(target.api), () => ({ ENDPOINT_URL: url }));

    expect(await ensWebhooks(target.api)).toEqual(await ensWebhooks(source));
    expect(await sharedCredentials(target.api)).toMatchObject({ kind: 'bearer', username: null });
    await target.api.fireEvent({ vendor: 'flexnet', eventName: 'DEVICE UPDATE' });
    const [capture] = await waitFor(async () => {
      const captures = await target.api.listCaptures({ bin: 'ens-device' });
      return captures.length > 0 ? captures : null;
    }, 'the device delivery');
    expect((await target.api.getCapture({ id: capture!.id })).headers.authorization).toBe('Bearer ens-static-token');
  });
  it('warns when several webhooks set one category, naming the one that ends up configured, as running the scripts shows', async () => {
    const target = await startVendorApiService();
    const receiverUrl = (await target.api.getAppInfo()).receiverUrl;
    const { api: source } = await startTestService();
    const events = ['ENT CREATE', 'ENT UPDATE', 'ENT DELETE'];
    await source.createWebhook({ vendor: 'flexnet', name: 'First entitlements', events, endpointUrl: 'https://first.example.com/ens' });
    await source.createWebhook({
      vendor: 'flexnet',
      name: 'Devices',
      events: ['DEVICE CREATE', 'DEVICE UPDATE', 'DEVICE DELETE'],
      endpointUrl: 'https://devices.example.com/ens',
    });
    await source.createWebhook({ vendor: 'flexnet', name: 'Second entitlements', events, endpointUrl: 'https://second.example.com/ens' });

    const exported = await source.exportProductionConfig({ includeSecrets: true });
    const message =
      'FlexNet ENS has one ENT webhook URL per tenant, and "First entitlements", "Second entitlements" all set it: run in the exported order, only "Second entitlements" (https://second.example.com/ens) ends up configured';
    expect(exported.warnings).toEqual([
      { webhook: 'First entitlements', field: 'events', message },
      { webhook: 'Second entitlements', field: 'events', message },
    ]);

    await runExportScripts(exported, await vendorApiPlaceholders(target.api), () => ({ ENDPOINT_URL: `${receiverUrl}/r/unused/hook` }));
    expect((await ensWebhooks(target.api)).map(({ events: [first], endpointUrl }) => ({ first, endpointUrl }))).toEqual([
      { first: 'DEVICE CREATE', endpointUrl: 'https://devices.example.com/ens' },
      { first: 'ENT CREATE', endpointUrl: 'https://second.example.com/ens' },
    ]);
  });
});
