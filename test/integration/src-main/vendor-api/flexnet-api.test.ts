import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { VendorApiAccess } from '../../../../src-shared/domain/vendor-api.ts';
import { startVendorApiService } from '../../../fixtures/app-service.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A client as a FlexNet ENS SDK would be: authenticate once, then JSON calls with the JWT. */
function ensClient(access: VendorApiAccess) {
  const [user, password] = access.credentials.map((credential) => credential.value);
  const service = `${access.baseUrl}/api/v1/notificationService`;
  const authenticate = (authorization?: string) =>
    fetch(`${access.baseUrl}/api/v1/authenticate`, { method: 'POST', headers: authorization ? { authorization } : {} });
  const token = async () => ((await (await authenticate(`Fno ${base64(`${user}:${password}`)}`)).json()) as { token: string }).token;
  const call = async (method: string, body?: unknown, authorization?: string) =>
    fetch(service, {
      method,
      headers: { authorization: authorization ?? `Bearer ${await token()}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return { user: user!, password: password!, authenticate, token, call };
}

async function bin(api: AppApi, name: string) {
  return `${(await api.getAppInfo()).receiverUrl}/r/${name}/ens`;
}

async function firedAuthorization(api: AppApi, eventName: string, binName: string, count: number): Promise<string | undefined> {
  await api.fireEvent({ vendor: 'flexnet', eventName });
  const captures = await waitFor(async () => {
    const found = await api.listCaptures({ bin: binName });
    return found.length >= count ? found : null;
  }, `${count} capture(s) in ${binName}`);
  const newest = captures.reduce((a, b) => (b.receivedAt > a.receivedAt ? b : a));
  const detail = await api.getCapture({ id: newest.id });
  return detail.headers.authorization as string | undefined;
}

/** Everything a refused write must leave as it was: the workspace file (minus its date), the profiles, the account. */
async function workspaceSnapshot(api: AppApi) {
  const { text } = await api.exportWorkspace();
  const { exportedAt: _exportedAt, ...workspace } = JSON.parse(text) as Record<string, unknown>;
  return { workspace, profiles: await api.listAuthProfiles(), account: await api.getVendorAccount({ vendor: 'flexnet' }) };
}

describe('FlexNet ENS REST API: /authenticate, then the one notification configuration', () => {
  it('authenticates with Fno or Basic credentials and refuses wrong or missing ones with 401; health is UP', async () => {
    const { access } = await startVendorApiService();
    const flexnet = access('flexnet');
    const client = ensClient(flexnet);
    for (const scheme of ['Fno', 'Basic']) {
      const response = await client.authenticate(`${scheme} ${base64(`${client.user}:${client.password}`)}`);
      expect(response.status).toBe(200);
      const { token } = (await response.json()) as { token: string };
      expect(token.split('.')).toHaveLength(3);
    }
    for (const authorization of [undefined, `Fno ${base64(`${client.user}:wrong`)}`, `Bearer ${base64(`${client.user}:${client.password}`)}`]) {
      const refused = await client.authenticate(authorization);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ status: 401, error: 'Unauthorized', path: '/notifications/api/v1/authenticate' });
    }
    expect(await (await fetch(`${flexnet.baseUrl}/health/status`)).json()).toEqual({ status: 'UP' });
  });

  it('refuses the configuration without a JWT, with a forged one or with the login credentials themselves', async () => {
    const { access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('flexnet-ens')
      .setIssuer('hooklab-flexnet-ens')
      .sign(new Uint8Array(32));
    for (const authorization of ['', 'Bearer not-a-jwt', `Bearer ${forged}`, `Fno ${base64(`${client.user}:${client.password}`)}`]) {
      const response = await client.call('GET', undefined, authorization);
      expect(response.status, authorization).toBe(401);
      expect(await response.json()).toMatchObject({ status: 401, path: '/notifications/api/v1/notificationService' });
    }
  });

  it('GET 404 before POST; POST configures, GET masks the credentials, PATCH updates, POST again is 409', async () => {
    const { api, access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const entitlementUrl = await bin(api, 'ens-ent');
    const productUrl = await bin(api, 'ens-prod');

    const before = await client.call('GET');
    expect(before.status).toBe(404);
    expect(await before.json()).toMatchObject({ status: 404, error: 'Not Found' });
    expect((await client.call('PATCH', { productSubscription: 'true', productWebhookUrl: productUrl })).status).toBe(404);

    const created = await client.call('POST', {
      authType: 'basic',
      basicUserId: 'revenera_webhook_user',
      basicPassword: 'cmV2ZW5lcmFfd2ViaG9va191c2Vy',
      entitlementSubscription: 'true',
      entitlementWebhookUrl: entitlementUrl,
      fnoServiceUrl: 'http://1000-fno-uat.flexnetoperations.eu/flexnet/operations/',
      fnoServiceUser: 'fno-service',
      fnoServiceUserPassword: 'fno-secret',
      includeLineItemCustomAttributes: true,
    });
    expect(created.status).toBe(200);
    const shown = await (await client.call('GET')).json();
    expect(shown).toEqual({
      authType: 'basic',
      authToken: '',
      basicUserId: '********',
      basicPassword: '********',
      entitlementSubscription: 'true',
      entitlementWebhookUrl: entitlementUrl,
      productSubscription: 'false',
      productWebhookUrl: '',
      deviceSubscription: 'false',
      deviceWebhookUrl: '',
      fnoServiceUrl: 'http://1000-fno-uat.flexnetoperations.eu/flexnet/operations/',
      fnoServiceUser: '********',
      fnoServiceUserPassword: '********',
      includeLineItemCustomAttributes: 'true',
    });

    // In Hooklab: the FlexNet account's shared Basic profile, its settings, one webhook per subscribed category.
    const account = await api.getVendorAccount({ vendor: 'flexnet' });
    const profiles = await api.listAuthProfiles();
    expect(profiles.find((profile) => profile.id === account.authProfileId)).toMatchObject({ kind: 'basic', username: 'revenera_webhook_user' });
    expect(profiles.find((profile) => profile.name === 'FlexNet ENS FNO service user')).toMatchObject({
      kind: 'basic',
      username: 'fno-service',
      hasSecret: true,
    });
    expect(account.settings).toMatchObject({ includeLineItemCustomAttributes: 'true' });
    expect((await api.listWebhooks()).map(({ vendor, name, events, endpointUrl, enabled }) => ({ vendor, name, events, endpointUrl, enabled }))).toEqual([
      { vendor: 'flexnet', name: 'FlexNet ENS entitlement', events: ['ENT CREATE', 'ENT UPDATE', 'ENT DELETE'], endpointUrl: entitlementUrl, enabled: true },
    ]);

    const again = await client.call('POST', { authType: 'none', deviceWebhookUrl: productUrl });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: 409, error: 'Conflict' });

    const patched = await client.call('PATCH', { productSubscription: 'true', productWebhookUrl: productUrl, authType: 'bearer', authToken: 'static-token' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      authType: 'bearer',
      authToken: '********',
      basicUserId: '',
      productSubscription: 'true',
      productWebhookUrl: productUrl,
    });
    const { authProfileId } = await api.getVendorAccount({ vendor: 'flexnet' });
    const bearer = (await api.listAuthProfiles()).find((profile) => profile.id === authProfileId);
    expect(bearer).toMatchObject({ kind: 'bearer', name: 'FlexNet ENS webhooks (bearer)' });

    // Unsubscribing disables the category's webhook; its URL stays in the configuration.
    const unsubscribed = await (await client.call('PATCH', { entitlementSubscription: false })).json();
    expect(unsubscribed).toMatchObject({ entitlementSubscription: 'false', entitlementWebhookUrl: entitlementUrl });
    expect((await api.listWebhooks()).find((webhook) => webhook.name === 'FlexNet ENS entitlement')!.enabled).toBe(false);

    const none = await (await client.call('PATCH', { authType: 'none' })).json();
    expect(none).toMatchObject({ authType: 'none', authToken: '', basicUserId: '' });
    expect((await api.getVendorAccount({ vendor: 'flexnet' })).authProfileId).toBeNull();
  });

  it('refuses bad bodies with 400 naming the field, and changes nothing', async () => {
    const { api, access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const url = await bin(api, 'ens-bad');
    const cases: [unknown, RegExp][] = [
      ['{"authType": ', /not valid JSON/],
      [{ authType: 'basic', basicUserId: 'u', basicPassword: 'p', entitlementWebhookUrl: url, colour: 'red' }, /unknown field\(s\): colour/],
      [{ authType: 'digest', entitlementWebhookUrl: url }, /^authType: must be basic, bearer or none/],
      [{ authType: 'none', entitlementSubscription: 'yes', entitlementWebhookUrl: url }, /^entitlementSubscription: must be "true" or "false"/],
      [{ authType: 'none', entitlementSubscription: 1, entitlementWebhookUrl: url }, /^entitlementSubscription: must be "true" or "false"/],
      [{ authType: 'none', productWebhookUrl: 'ftp://example.com/x' }, /^productWebhookUrl: must be an absolute http/],
      [{ authType: 'none', deviceWebhookUrl: 42 }, /^deviceWebhookUrl: must be a string/],
      [{ authType: 'basic', basicUserId: 'u', entitlementWebhookUrl: url }, /^basicPassword: is required with authType basic/],
      [{ authType: 'bearer', entitlementWebhookUrl: url }, /^authToken: is required with authType bearer/],
      [{ authType: 'none', authToken: 't', entitlementWebhookUrl: url }, /^authToken: must be left empty unless authType is bearer/],
      [{ authType: 'none', deviceSubscription: 'true' }, /deviceWebhookUrl: is required when deviceSubscription is "true"/],
      [{ entitlementWebhookUrl: url }, /^authType: is required/],
      [{ authType: 'none', fnoServiceUser: 'only-user', entitlementWebhookUrl: url }, /^fnoServiceUserPassword: is required with fnoServiceUser/],
      [{ authType: 'none', fnoServiceUrl: 'not a url', entitlementWebhookUrl: url }, /^fnoServiceUrl: must be an absolute http/],
    ];
    for (const [body, message] of cases) {
      const response = await client.call('POST', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = (await response.json()) as { status: number; error: string; message: string };
      expect(error).toMatchObject({ status: 400, error: 'Bad Request' });
      expect(error.message).toMatch(message);
    }
    expect(await api.listWebhooks()).toEqual([]);
    expect(await api.listAuthProfiles()).toEqual([]);
    expect((await client.call('GET')).status).toBe(404);
  });

  it('a category configured through the API delivers a fired event with the configured Basic, then Bearer, credentials', async () => {
    const { api, access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const url = await bin(api, 'ens-delivery');
    const posted = await client.call('POST', {
      authType: 'basic',
      basicUserId: 'revenera_webhook_user',
      basicPassword: 'webhook-secret',
      entitlementSubscription: 'true',
      entitlementWebhookUrl: url,
    });
    expect(posted.status).toBe(200);
    expect(await firedAuthorization(api, 'ENT UPDATE', 'ens-delivery', 1)).toBe(`Basic ${base64('revenera_webhook_user:webhook-secret')}`);

    expect((await client.call('PATCH', { authType: 'bearer', authToken: 'ens-static-token' })).status).toBe(200);
    expect(await firedAuthorization(api, 'ENT CREATE', 'ens-delivery', 2)).toBe('Bearer ens-static-token');
  });
  it('a write the engine refuses after validation passed changes nothing, and says which ENS field', async () => {
    const { api, access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const url = await bin(api, 'ens-refused');
    // The names the API would give are taken by the user's own webhook and profile: it picks free ones instead.
    await api.createWebhook({ vendor: 'zentitle2', name: 'FlexNet ENS entitlement', events: ['customer.created'], endpointUrl: 'https://example.com/z2' });
    await api.createAuthProfile({ kind: 'basic', name: 'FlexNet ENS webhooks (bearer)', username: 'mine', password: 'my-secret' });
    // Valid for ENS (any http URL up to 2000 characters), too long for the engine's account settings (200).
    const tooLong = `https://fno.example.com/${'a'.repeat(300)}`;
    const everything = {
      authType: 'bearer',
      authToken: 'ens-token',
      entitlementSubscription: 'true',
      entitlementWebhookUrl: url,
      fnoServiceUser: 'fno-user',
      fnoServiceUserPassword: 'fno-secret',
      includeLineItemCustomAttributes: 'true',
    };

    const before = await workspaceSnapshot(api);
    const refused = await client.call('POST', { ...everything, fnoServiceUrl: tooLong });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe('fnoServiceUrl: must be at most 200 characters');
    expect(await workspaceSnapshot(api)).toEqual(before);

    // The same without the refused field goes through, under free names.
    expect((await client.call('POST', everything)).status).toBe(200);
    expect((await api.listWebhooks()).find((webhook) => webhook.vendor === 'flexnet')).toMatchObject({ name: 'FlexNet ENS entitlement (2)', endpointUrl: url });
    const { authProfileId } = await api.getVendorAccount({ vendor: 'flexnet' });
    const profiles = (await api.listAuthProfiles()).sort((a, b) => a.name.localeCompare(b.name));
    expect(profiles.map(({ id, name, kind }) => ({ name, kind, shared: id === authProfileId }))).toEqual([
      { name: 'FlexNet ENS FNO service user', kind: 'basic', shared: false },
      { name: 'FlexNet ENS webhooks (bearer)', kind: 'basic', shared: false },
      { name: 'FlexNet ENS webhooks (bearer) (2)', kind: 'bearer', shared: true },
    ]);

    // A PATCH that changes every part, refused at the end: the webhook, profiles and account stay as they were.
    const configured = await workspaceSnapshot(api);
    const patch = {
      authType: 'basic',
      basicUserId: 'other-user',
      basicPassword: 'other-secret',
      entitlementSubscription: 'false',
      entitlementWebhookUrl: await bin(api, 'ens-elsewhere'),
      productSubscription: 'true',
      productWebhookUrl: await bin(api, 'ens-products'),
      fnoServiceUser: 'fno-other',
      fnoServiceUserPassword: 'fno-other-secret',
      includeLineItemCustomAttributes: 'false',
      fnoServiceUrl: tooLong,
    };
    const refusedPatch = await client.call('PATCH', patch);
    expect(refusedPatch.status).toBe(400);
    expect(await refusedPatch.json()).toMatchObject({ status: 400, error: 'Bad Request', message: 'fnoServiceUrl: must be at most 200 characters' });
    expect(await workspaceSnapshot(api)).toEqual(configured);
    // The secrets too: a fired event still carries the configured token.
    expect(await firedAuthorization(api, 'ENT UPDATE', 'ens-refused', 1)).toBe('Bearer ens-token');
  });

  it("a user's bearer profile named as the FNO service user's is not taken for it, nor replaced", async () => {
    const { api, access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const mine = await api.createAuthProfile({ kind: 'bearer', name: 'FlexNet ENS FNO service user', token: 'my-token' });
    expect((await client.call('POST', { authType: 'none', entitlementWebhookUrl: await bin(api, 'ens-fno') })).status).toBe(200);
    expect(await (await client.call('GET')).json()).toMatchObject({ fnoServiceUser: '', fnoServiceUserPassword: '' });

    expect((await client.call('PATCH', { fnoServiceUser: 'fno-user', fnoServiceUserPassword: 'fno-secret' })).status).toBe(200);
    expect(await (await client.call('GET')).json()).toMatchObject({ fnoServiceUser: '********', fnoServiceUserPassword: '********' });
    const profiles = (await api.listAuthProfiles()).map(({ id, name, kind }) => ({ id, name, kind }));
    expect(profiles.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: mine.id, name: 'FlexNet ENS FNO service user', kind: 'bearer' },
      { id: expect.any(String), name: 'FlexNet ENS FNO service user (2)', kind: 'basic' },
    ]);
  });

  it('never changes a profile the user attached to the account and other webhooks share; replaces only the ones it made', async () => {
    const { api, access } = await startVendorApiService();
    const client = ensClient(access('flexnet'));
    const url = await bin(api, 'ens-shared');
    const team = await api.createAuthProfile({ kind: 'basic', name: 'Team credentials', username: 'team', password: 'team-secret' });
    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: team.id });
    const sentinel = await api.createWebhook({
      vendor: 'sentinel-ems',
      name: 'Sentinel',
      events: ['Entitlement Added'],
      endpointUrl: await bin(api, 'ems-shared'),
      authProfileId: team.id,
    });
    await api.createWebhook({ vendor: 'flexnet', name: 'Entitlements', events: ['ENT CREATE', 'ENT UPDATE', 'ENT DELETE'], endpointUrl: url });
    const teamBefore = (await api.listAuthProfiles()).find((profile) => profile.id === team.id);

    // Same kind, only the user: the credentials come whole, as they make a new profile.
    const partial = await client.call('PATCH', { basicUserId: 'ens-user' });
    expect(partial.status).toBe(400);
    expect(((await partial.json()) as { message: string }).message).toBe('basicPassword: is required with authType basic');

    expect((await client.call('PATCH', { basicUserId: 'ens-user', basicPassword: 'ens-secret' })).status).toBe(200);
    const profiles = await api.listAuthProfiles();
    expect(profiles.find((profile) => profile.id === team.id)).toEqual(teamBefore);
    const account = await api.getVendorAccount({ vendor: 'flexnet' });
    expect(profiles.find((profile) => profile.id === account.authProfileId)).toMatchObject({ name: 'FlexNet ENS webhooks (basic)', username: 'ens-user' });
    expect((await api.listWebhooks()).find((webhook) => webhook.id === sentinel.id)!.authProfileId).toBe(team.id);
    // The user's profile still sends its own secret for the Sentinel webhook; FlexNet sends the new one.
    await api.fireEvent({ vendor: 'sentinel-ems', eventName: 'Entitlement Added' });
    const [capture] = await waitFor(async () => {
      const found = await api.listCaptures({ bin: 'ems-shared' });
      return found.length > 0 ? found : null;
    }, 'the Sentinel delivery');
    expect((await api.getCapture({ id: capture!.id })).headers.authorization).toBe(`Basic ${base64('team:team-secret')}`);
    expect(await firedAuthorization(api, 'ENT UPDATE', 'ens-shared', 1)).toBe(`Basic ${base64('ens-user:ens-secret')}`);

    // New credentials again: the profile the API made is replaced by one of the same name, not kept beside it.
    expect((await client.call('PATCH', { basicUserId: 'ens-user-2', basicPassword: 'ens-secret-2' })).status).toBe(200);
    const after = await api.listAuthProfiles();
    expect(after.map((profile) => profile.name).sort()).toEqual(['FlexNet ENS webhooks (basic)', 'Team credentials']);
    expect(after.find((profile) => profile.name === 'FlexNet ENS webhooks (basic)')).toMatchObject({ username: 'ens-user-2' });
    expect(await firedAuthorization(api, 'ENT UPDATE', 'ens-shared', 2)).toBe(`Basic ${base64('ens-user-2:ens-secret-2')}`);
  });

  it("answers fastify's own refusals and unknown paths in the Spring error shape", async () => {
    const { access } = await startVendorApiService();
    const flexnet = access('flexnet');
    const client = ensClient(flexnet);
    const tooLarge = await client.call('POST', JSON.stringify({ authType: 'none', entitlementWebhookUrl: `https://example.com/${'a'.repeat(1024 * 1024)}` }));
    expect(tooLarge.status).toBe(413);
    const body = (await tooLarge.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'path', 'status', 'timestamp']);
    expect(body).toMatchObject({ status: 413, error: 'Payload Too Large', path: '/notifications/api/v1/notificationService' });

    const unknown = await fetch(`${flexnet.baseUrl}/api/v1/nothing-here?x=1`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 404, error: 'Not Found', path: '/notifications/api/v1/nothing-here' });
  });
});
