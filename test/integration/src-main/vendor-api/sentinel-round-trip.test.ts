import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { startTestService } from '../../../fixtures/app-service.ts';
import { CURL, runExportScripts, vendorApiPlaceholders } from '../../../fixtures/export-round-trip.ts';
import { basicHeader, deliveredAuthorization, sentinelWebhooks, startEmsApi } from '../../../fixtures/sentinel-api-client.ts';

/** A webhook's attribute fields with its auth profile's, ids, times and secrets left out. */
async function comparable(api: AppApi, webhooks: readonly Webhook[]) {
  const profiles = await api.listAuthProfiles();
  return webhooks
    .map(({ name, vendor, events, endpointUrl, activities, includeData, enabled, description, condition, authProfileId }) => {
      const { name: profileName, kind, username, oauth, hasSecret } = profiles.find((profile) => profile.id === authProfileId)!;
      return {
        name,
        vendor,
        events,
        endpointUrl,
        activities,
        includeData,
        enabled,
        description,
        condition,
        profile: { profileName, kind, username, oauth, hasSecret },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('Sentinel EMS: export to production, then the filled-in curl scripts recreate the webhooks through the emulated API', () => {
  it('two profiles (Basic, OAuth) and three webhooks, one of them local: B ends up with the same webhooks', async (context) => {
    if (!existsSync(CURL)) return context.skip(`${CURL} is not installed`);
    const a = await startTestService();
    const receiverUrl = (await a.api.getAppInfo()).receiverUrl;
    const basic = await a.api.createAuthProfile({ kind: 'basic', name: 'ERP Basic', username: 'erp', password: 'erp-secret' });
    const oauth = await a.api.createAuthProfile({
      kind: 'oauth2',
      name: 'ERP tokens',
      tokenUrl: 'https://auth.example.com/oauth/token',
      clientId: 'ems-client',
      clientSecret: 'client-secret',
      scope: 'webhooks:write',
      audience: 'https://erp.example.com',
    });
    const local = await a.api.createWebhook({
      name: 'Entitlements',
      events: ['Entitlement Added'],
      endpointUrl: `${receiverUrl}/r/erp/entitlements`,
      authProfileId: basic.id,
      activities: ['Add Entitlement'],
      condition: "entitlement.state == 'ENABLE'",
      description: 'New entitlements to the ERP',
      includeData: false,
    });
    await a.api.createWebhook({
      name: 'Namespaces',
      events: ['Namespace Added'],
      endpointUrl: 'https://erp.example.com/hooks/namespaces',
      authProfileId: oauth.id,
      enabled: false,
    });
    // A second webhook on the Basic profile: its script adds the profile again, and goes on after the 409.
    await a.api.createWebhook({
      name: 'Customers',
      events: ['Customer Added'],
      endpointUrl: 'https://erp.example.com/hooks/customers',
      authProfileId: basic.id,
    });

    const exported = await a.api.exportProductionConfig({ includeSecrets: true });
    const scripts = exported.files.filter((file) => file.name.endsWith('.sh')).map((file) => file.name);
    expect([...scripts].sort()).toEqual(['customers.sh', 'entitlements.sh', 'namespaces.sh']);

    const b = await startEmsApi();
    expect(await sentinelWebhooks(b.api)).toEqual([]);
    const outputs = await runExportScripts(
      exported,
      await vendorApiPlaceholders(b.api),
      (name): Record<string, string> => (name === 'entitlements.sh' ? { ENDPOINT_URL: local.endpointUrl } : {}),
    );
    // Whichever of the two Basic webhooks' scripts ran second found the profile there.
    expect(outputs.filter((output) => output.includes('"errorCode":"DUPLICATE_NAME"'))).toHaveLength(1);
    // The scripts print the API's answers, never a secret.
    expect(outputs.join('\n')).not.toMatch(/erp-secret|client-secret/);

    expect(await comparable(b.api, await sentinelWebhooks(b.api))).toEqual(await comparable(a.api, await sentinelWebhooks(a.api)));
    expect((await b.api.listAuthProfiles()).map((profile) => profile.name).sort()).toEqual(['ERP Basic', 'ERP tokens']);
    // The secret made it too: B's webhook reaches A's bin with the Basic password A has.
    expect(await deliveredAuthorization(b.api, a.api, 'erp')).toBe(basicHeader('erp', 'erp-secret'));
    const calls = await b.api.listVendorApiCalls({ vendor: 'sentinel-ems' });
    expect(calls.map((call) => `${call.method} ${call.url} ${call.status}`).sort()).toEqual([
      'POST /ems/api/v5/authenticationProfiles 201',
      'POST /ems/api/v5/authenticationProfiles 201',
      'POST /ems/api/v5/authenticationProfiles 409',
      'POST /ems/api/v5/webhooks 201',
      'POST /ems/api/v5/webhooks 201',
      'POST /ems/api/v5/webhooks 201',
    ]);
  });
});
