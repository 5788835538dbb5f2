import { describe, expect, it } from 'vitest';
import { catalogEvents, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { rejection } from '../../../fixtures/rejection.ts';

const endpointUrl = 'http://127.0.0.1:9/hooks';

describe('vendor accounts: what a vendor keeps per tenant rather than per webhook', () => {
  it('an untouched account has the catalog defaults, no shared credentials and no key', async () => {
    const { api } = await startTestService();
    for (const vendor of ['sentinel-ems', 'flexnet', 'zentitle2', 'cloudevents'] as const) {
      const account = await api.getVendorAccount({ vendor });
      const defaults = Object.fromEntries(vendorCatalogs[vendor].accountFields.map((field) => [field.key, field.default]));
      expect(account).toEqual({ vendor, settings: defaults, authProfileId: null, signingKey: null, updatedAt: 0 });
    }
  });

  it('FlexNet: one shared Basic profile for the tenant; it cannot be deleted while the account uses it', async () => {
    const { api } = await startTestService();
    const basic = await api.createAuthProfile({ kind: 'basic', name: 'Tenant', username: 'ens', password: 'pw' });
    const account = await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: basic.id });
    expect(account.authProfileId).toBe(basic.id);
    const error = await rejection(api.deleteAuthProfile({ id: basic.id }));
    expect(error.code).toBe('conflict');
    expect((await api.listAuthProfiles()).map((profile) => profile.id)).toContain(basic.id);

    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: null });
    await api.deleteAuthProfile({ id: basic.id });
  });

  it('FlexNet: a static Bearer token is the other shared credential (ENS authType bearer)', async () => {
    const { api } = await startTestService();
    const bearer = await api.createAuthProfile({ kind: 'bearer', name: 'ENS token', token: 't' });
    expect((await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: bearer.id })).authProfileId).toBe(bearer.id);
  });

  it('refuses settings the vendor does not have, credentials it does not share or accept, naming the field', async () => {
    const { api } = await startTestService();
    const bearer = await api.createAuthProfile({ kind: 'bearer', name: 'Static', token: 't' });
    expect((await rejection(api.updateVendorAccount({ vendor: 'sentinel-ems', settings: { tenant: 'x' } }))).message).toMatch(
      /^settings\.tenant: is not a Thales Sentinel EMS account setting/,
    );
    expect((await rejection(api.updateVendorAccount({ vendor: 'sentinel-ems', authProfileId: bearer.id }))).message).toMatch(
      /^authProfileId: Thales Sentinel EMS has no credentials shared by all webhooks/,
    );
    const anonymous = await api.createAuthProfile({ kind: 'none', name: 'Anonymous' });
    expect((await rejection(api.updateVendorAccount({ vendor: 'flexnet', authProfileId: anonymous.id }))).message).toMatch(
      /^authProfileId: .* accepts basic or bearer credentials, not none/,
    );
    expect((await rejection(api.updateVendorAccount({ vendor: 'flexnet', authProfileId: 'nope' }))).message).toBe(
      'authProfileId: no auth profile has id "nope"',
    );
    expect((await rejection(api.updateVendorAccount({ vendor: 'cloudevents', settings: { source: ' ' } }))).message).toBe('settings.source: must not be empty');
    expect((await rejection(api.updateVendorAccount({ vendor: 'flexnet', settings: { includeLineItemCustomAttributes: 'yes' } }))).message).toBe(
      'settings.includeLineItemCustomAttributes: must be "true" or "false"',
    );
    expect((await api.getVendorAccount({ vendor: 'flexnet' })).authProfileId).toBeNull();
    expect((await api.getVendorAccount({ vendor: 'cloudevents' })).updatedAt).toBe(0);
  });

  it('Zentitle2 gets an RSA key with its first webhook; generating replaces it; vendors without a signature refuse keys', async () => {
    const { api } = await startTestService();
    expect((await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey).toBeNull();
    await api.createWebhook({ vendor: 'zentitle2', name: 'Z', events: [catalogEvents('zentitle2')[0]!.name], endpointUrl });
    const first = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
    expect(first).toMatchObject({ bits: 2048, exponentBase64Url: 'AQAB' });
    expect(first.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(Buffer.from(first.modulusBase64Url, 'base64url')).toHaveLength(256);

    const second = (await api.generateVendorKey({ vendor: 'zentitle2' })).signingKey!;
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect((await rejection(api.generateVendorKey({ vendor: 'sentinel-ems' }))).message).toBe(
      'vendor: Thales Sentinel EMS does not sign its calls with an account key',
    );
  });
});

describe('webhooks follow their vendor’s auth model and options', () => {
  it('refuses an auth kind the vendor does not use, a per-webhook profile for FlexNet, and unknown or bad options', async () => {
    const { api } = await startTestService();
    const bearer = await api.createAuthProfile({ kind: 'bearer', name: 'Static', token: 't' });
    const basic = await api.createAuthProfile({ kind: 'basic', name: 'Basic', username: 'u', password: 'p' });
    const sentinelEvent = catalogEvents('sentinel-ems')[0]!.name;
    const cloudEvent = catalogEvents('cloudevents')[0]!.name;

    expect((await rejection(api.createWebhook({ name: 'S', events: [sentinelEvent], endpointUrl, authProfileId: bearer.id }))).message).toBe(
      'authProfileId: Thales Sentinel EMS webhooks use basic, oauth2, none auth, not bearer',
    );
    expect(
      (await rejection(api.createWebhook({ vendor: 'flexnet', name: 'F', events: [catalogEvents('flexnet')[0]!.name], endpointUrl, authProfileId: basic.id })))
        .message,
    ).toMatch(/^authProfileId: must be empty: .* webhooks use the account's shared credentials/);
    expect(
      (await rejection(api.createWebhook({ vendor: 'cloudevents', name: 'C', events: [cloudEvent], endpointUrl, vendorOptions: { mode: 'json' } }))).message,
    ).toBe('vendorOptions.mode: must be one of structured, binary');
    expect(
      (await rejection(api.createWebhook({ vendor: 'cloudevents', name: 'C', events: [cloudEvent], endpointUrl, vendorOptions: { colour: 'red' } }))).message,
    ).toMatch(/^vendorOptions\.colour: is not a .* webhook option/);
    expect(
      (await rejection(api.createWebhook({ vendor: 'zentitle2', name: 'Z', events: [catalogEvents('zentitle2')[0]!.name], endpointUrl, includeData: false })))
        .message,
    ).toBe("includeData: must be true: Nalpeiron Zentitle2 always sends the entity's state (Include Data is not one of its settings)");
    expect(await api.listWebhooks()).toEqual([]);

    const created = await api.createWebhook({ vendor: 'cloudevents', name: 'C', events: [cloudEvent], endpointUrl, vendorOptions: { mode: 'binary' } });
    expect(created.vendorOptions).toEqual({ mode: 'binary' });
  });
});
