import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AppServiceOptions } from '../../../../src-main/services/app-service.ts';
import type { VendorApiAccess } from '../../../../src-shared/domain/vendor-api.ts';
import { catalogEvents } from '../../../../src-shared/vendors/catalogs.ts';
import { VENDOR_API_ASSUMPTIONS } from '../../../../src-shared/vendors/vendor-api-assumptions.ts';
import { createVendorApiApp, VENDOR_API_BODY_LIMIT_BYTES } from '../../../../src-main/vendor-api/vendor-api-app.ts';
import { VendorApiLog } from '../../../../src-main/vendor-api/vendor-api-log.ts';
import { listenerIdOf, webhookIdOf, zentitle2Api } from '../../../../src-main/vendor-api/zentitle2-api.ts';
import { startTestService, startVendorApiService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { waitForCaptures } from '../../../fixtures/scripted-bin.ts';

const WEBHOOKS = '/api/v1/account/webhooks';
const credential = (access: VendorApiAccess, name: string) => access.credentials.find((entry) => entry.name === name)!.value;

/** A Zentitle2 API client as an SDK is one: fetch, a client-credentials token, N-TenantId on every call. */
async function zentitle2Client({ scope, ...options }: { scope?: string } & Partial<AppServiceOptions> = {}) {
  const started = await startVendorApiService(options);
  const access = started.access('zentitle2');
  const tenantId = credential(access, 'N-TenantId');
  const tokenUrl = access.placeholders.ZENTITLE2_TOKEN_URL!;
  const token = async (form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
  const issued = await token({
    grant_type: 'client_credentials',
    client_id: credential(access, 'Client id'),
    client_secret: credential(access, 'Client secret'),
    ...(scope === undefined ? {} : { scope }),
  });
  expect(issued.status).toBe(200);
  const { access_token: accessToken } = (await issued.json()) as { access_token: string };
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${access.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'n-tenantid': tenantId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const receiverUrl = (await started.api.getAppInfo()).receiverUrl;
  return { ...started, tenantId, tokenUrl, token, accessToken, call, binUrl: (bin: string) => `${receiverUrl}/r/${bin}/hooks` };
}

describe('the emulated Zentitle2 Management API, driven as an SDK would', () => {
  it('issues a token for the client id and secret (in the form or as Basic) with the scope asked for; refuses wrong ones as Keycloak does', async () => {
    const { api, access, token, tokenUrl } = await zentitle2Client();
    const clientId = credential(access('zentitle2'), 'Client id');
    const secret = credential(access('zentitle2'), 'Client secret');

    const basic = await token(
      { grant_type: 'client_credentials', scope: 'openid' },
      { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    );
    expect(basic.status).toBe(200);
    expect(basic.headers.get('cache-control')).toBe('no-store');
    expect(await basic.json()).toMatchObject({ access_token: expect.any(String), expires_in: 300, token_type: 'Bearer', scope: 'openid webhooks:admin' });
    const narrow = await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'profile' });
    expect(await narrow.json()).toMatchObject({ scope: 'profile' });

    const wrong = await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'nope' });
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' }]);
    const grant = await token({ grant_type: 'password', client_id: clientId, client_secret: secret });
    expect([grant.status, ((await grant.json()) as { error: string }).error]).toEqual([400, 'unsupported_grant_type']);
    const realm = await fetch(tokenUrl.replace(/realms\/[^/]+/, 'realms/t_other'), { method: 'POST' });
    expect([realm.status, ((await realm.json()) as { error: string }).error]).toEqual([404, 'Realm does not exist']);

    // The live log shows the token calls with the secret and the token shortened, as it shows Authorization headers.
    const [, , , narrowCall] = await api.listVendorApiCalls({ vendor: 'zentitle2' });
    expect(narrowCall!.requestBody).toBe(
      `grant_type=client_credentials&client_id=${clientId}&client_secret=${secret.slice(0, 6)}… (${secret.length} characters)&scope=profile`,
    );
    expect(narrowCall!.responseBody).toMatch(/"access_token":"[^"]{6}… \(\d+ characters\)"/);
  });

  it('creates, lists page by page, gets, replaces and deletes webhooks, each a Hooklab webhook of vendor zentitle2', async () => {
    const { api, call, binUrl } = await zentitle2Client();
    const created = [];
    for (const bin of ['a', 'b', 'c']) {
      const response = await call('POST', WEBHOOKS, { uri: binUrl(bin), subscriptions: ['customer.created', 'entitlement.created'] });
      expect(response.status).toBe(201);
      created.push((await response.json()) as { id: string; uri: string; subscriptions: string[] });
    }
    expect(created[0]).toEqual({
      id: expect.stringMatching(/^wh_[A-Za-z0-9_-]{22}$/),
      uri: binUrl('a'),
      subscriptions: ['customer.created', 'entitlement.created'],
    });
    const hooklab = await api.listWebhooks();
    expect(hooklab.map((webhook) => [webhook.vendor, listenerIdOf(webhook.id), webhook.endpointUrl]).sort()).toEqual(
      created.map((model) => ['zentitle2', model.id, model.uri]).sort(),
    );

    const first = await call('GET', `${WEBHOOKS}?pageNumber=1&pageSize=2`);
    expect(await first.json()).toEqual({ items: created.slice(0, 2), pageSize: 2, pageNumber: 1, elementsTotal: 3 });
    const second = await call('GET', `${WEBHOOKS}?pageNumber=2&pageSize=2`);
    expect(await second.json()).toEqual({ items: created.slice(2), pageSize: 2, pageNumber: 2, elementsTotal: 3 });
    expect(await (await call('GET', WEBHOOKS)).json()).toMatchObject({ items: created, pageSize: 10, pageNumber: 1 });
    const badPage = await call('GET', `${WEBHOOKS}?pageSize=0`);
    expect([badPage.status, await badPage.json()]).toEqual([
      422,
      expect.objectContaining({ errorCode: 'ValidationFailed', validationErrors: [expect.objectContaining({ propertyName: 'pageSize', code: 'OutOfRange' })] }),
    ]);

    const id = created[1]!.id;
    expect(await (await call('GET', `${WEBHOOKS}/${id}`)).json()).toEqual(created[1]);
    const before = hooklab.find((webhook) => listenerIdOf(webhook.id) === id)!;
    const replaced = await call('PUT', `${WEBHOOKS}/${id}`, { uri: 'https://example.com/zentitle', subscriptions: ['entitlement.seat.activated'] });
    expect([replaced.status, await replaced.text()]).toEqual([204, '']);
    expect(await (await call('GET', `${WEBHOOKS}/${id}`)).json()).toEqual({
      id,
      uri: 'https://example.com/zentitle',
      subscriptions: ['entitlement.seat.activated'],
    });
    const after = (await api.listWebhooks()).find((webhook) => webhook.id === before.id)!;
    expect(after).toMatchObject({ name: before.name, timeoutMs: before.timeoutMs, enabled: true, endpointUrl: 'https://example.com/zentitle' });

    expect((await call('DELETE', `${WEBHOOKS}/${id}`)).status).toBe(204);
    const gone = await call('GET', `${WEBHOOKS}/${id}`);
    expect([gone.status, await gone.json()]).toEqual([
      404,
      { error: `Webhook listener ${id} not found`, errorCode: 'NotFound', details: null, validationErrors: null },
    ]);
    for (const [method, path] of [
      ['PUT', `${WEBHOOKS}/${id}`],
      ['DELETE', `${WEBHOOKS}/${id}`],
      ['POST', `${WEBHOOKS}/${id}/test`],
      ['GET', `${WEBHOOKS}/whl_CNrc8PbApEapAfJQN15aIA`],
    ] as const) {
      expect((await call(method, path, method === 'PUT' ? { uri: 'https://example.com/x', subscriptions: ['customer.created'] } : undefined)).status).toBe(404);
    }
    expect(await api.listWebhooks()).toHaveLength(2);
  });

  it('lists webhooks made in Hooklab (UI, CLI) by the id derived from theirs, and no other vendor’s', async () => {
    const { api, call } = await zentitle2Client();
    const made = await api.createWebhook({
      vendor: 'zentitle2',
      name: 'From the UI',
      events: ['customer.updated', 'customer.created'],
      activities: ['customer.created'],
      endpointUrl: 'https://example.com/ui',
    });
    await api.createWebhook({ vendor: 'sentinel-ems', name: 'Sentinel', events: ['Entitlement Added'], endpointUrl: 'https://example.com/ems' });
    expect(webhookIdOf(listenerIdOf(made.id))).toBe(made.id);
    expect(await (await call('GET', WEBHOOKS)).json()).toEqual({
      items: [{ id: listenerIdOf(made.id), uri: 'https://example.com/ui', subscriptions: ['customer.updated', 'customer.created'] }],
      pageSize: 10,
      pageNumber: 1,
      elementsTotal: 1,
    });
    // A PUT keeps Hooklab's own fields; the activity filter keeps only codes still subscribed to.
    const put = await call('PUT', `${WEBHOOKS}/${listenerIdOf(made.id)}`, { uri: 'https://example.com/ui2', subscriptions: ['customer.updated'] });
    expect(put.status).toBe(204);
    expect((await api.listWebhooks()).find((webhook) => webhook.id === made.id)).toMatchObject({
      name: 'From the UI',
      events: ['customer.updated'],
      activities: [],
      endpointUrl: 'https://example.com/ui2',
    });
  });

  it('lists the event codes of the catalog at /events, not as a webhook id', async () => {
    const { call } = await zentitle2Client();
    const response = await call('GET', `${WEBHOOKS}/events`);
    const body = (await response.json()) as { items: { type: string; code: string; description: string }[]; elementsTotal: number };
    expect(body.elementsTotal).toBe(20);
    expect(body.items.map((item) => item.code).sort()).toEqual(
      catalogEvents('zentitle2')
        .map((event) => event.name)
        .sort(),
    );
    expect(body.items).toContainEqual({ type: 'customer', code: 'customer.created', description: 'A customer was created' });
    expect(body.items).toContainEqual(expect.objectContaining({ type: 'entitlementGroup', code: 'entitlement.group.created' }));
    expect(new Set(body.items.map((item) => item.type))).toEqual(new Set(['customer', 'entitlement', 'entitlementGroup']));
  });

  it('refuses bad bodies with ApiError naming the property, malformed JSON with 400, and changes nothing', async () => {
    const { api, call } = await zentitle2Client();
    const refused = async (body: unknown) => {
      const response = await call('POST', WEBHOOKS, body);
      return [response.status, await response.json()];
    };
    const validation = (...errors: [string, string][]) => [
      422,
      {
        error: 'The request is not valid',
        errorCode: 'ValidationFailed',
        details: null,
        validationErrors: errors.map(([propertyName, code]) => ({ propertyName, message: expect.any(String), code })),
      },
    ];
    expect(await refused({ uri: 'https://example.com/a', subscriptions: ['customer.created'], name: 'x' })).toEqual(validation(['name', 'UnknownProperty']));
    expect(await refused({ subscriptions: ['customer.created'] })).toEqual(validation(['uri', 'Required']));
    expect(await refused({ uri: 'https://example.com/a', subscriptions: [] })).toEqual(validation(['subscriptions', 'MinItems']));
    expect(await refused({ uri: 'https://example.com/a' })).toEqual(validation(['subscriptions', 'Required']));
    expect(await refused({ uri: 'https://example.com/a', subscriptions: ['customer.created', 'webhook.test', 'nope'] })).toEqual(
      validation(['subscriptions[1]', 'UnknownEventCode'], ['subscriptions[2]', 'UnknownEventCode']),
    );
    expect(await refused({ uri: 'https://example.com/a', subscriptions: ['customer.created', 'customer.created'] })).toEqual(
      validation(['subscriptions[1]', 'Duplicate']),
    );
    expect(await refused({ uri: `https://example.com/${'a'.repeat(2048)}`, subscriptions: ['customer.created'] })).toEqual(validation(['uri', 'MaxLength']));
    expect(await refused({ uri: 'not a url', subscriptions: ['customer.created'] })).toEqual(validation(['uri', 'InvalidUri']));
    // 2001–2048 characters: the spec allows them, Hooklab's own webhooks do not.
    expect(await refused({ uri: `https://example.com/${'a'.repeat(2010)}`, subscriptions: ['customer.created'] })).toEqual(validation(['uri', 'HooklabRule']));

    const malformed = await refused('{"uri": ');
    expect(malformed).toEqual([
      400,
      expect.objectContaining({ errorCode: 'BadRequest', error: expect.stringMatching(/not valid JSON/), validationErrors: null }),
    ]);
    expect(await refused('["https://example.com"]')).toEqual([400, expect.objectContaining({ errorCode: 'BadRequest' })]);

    const kept = (await (await call('POST', WEBHOOKS, { uri: 'https://example.com/kept', subscriptions: ['customer.created'] })).json()) as { id: string };
    const put = await call('PUT', `${WEBHOOKS}/${kept.id}`, { uri: 'https://example.com/changed', subscriptions: ['customer.created'], enabled: false });
    expect([put.status, ((await put.json()) as { validationErrors: unknown[] }).validationErrors]).toEqual([
      422,
      [expect.objectContaining({ propertyName: 'enabled', code: 'UnknownProperty' })],
    ]);
    expect((await api.listWebhooks()).map((webhook) => webhook.endpointUrl)).toEqual(['https://example.com/kept']);
  });

  it('wants a valid Bearer token (401), the tenant’s N-TenantId (403) and the webhooks:admin scope (403)', async () => {
    const { call, tenantId } = await zentitle2Client();
    const statusOf = async (headers: Record<string, string>) => {
      const response = await call('GET', WEBHOOKS, undefined, headers);
      const body = (await response.json()) as { errorCode: string; error: string };
      return [response.status, body.errorCode, body.error];
    };
    const forged = await new SignJWT({ scope: 'webhooks:admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(Buffer.alloc(32, 1));
    expect(await statusOf({ authorization: '' })).toEqual([401, 'Unauthorized', expect.stringMatching(/Missing bearer token/)]);
    expect(await statusOf({ authorization: 'Basic dXNlcjpwYXNz' })).toEqual([401, 'Unauthorized', expect.stringMatching(/Missing bearer token/)]);
    expect(await statusOf({ authorization: `Bearer ${forged}` })).toEqual([401, 'Unauthorized', 'Invalid access token']);
    expect(await statusOf({ authorization: 'Bearer not-a-jwt' })).toEqual([401, 'Unauthorized', 'Invalid access token']);
    expect(await statusOf({ 'n-tenantid': '' })).toEqual([403, 'Forbidden', 'Missing N-TenantId header']);
    expect(await statusOf({ 'n-tenantid': `${tenantId}x` })).toEqual([403, 'Forbidden', `Tenant ${tenantId}x is not this token's tenant`]);
    const unauthorized = await call('GET', WEBHOOKS, undefined, { authorization: '' });
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');

    const narrow = await zentitle2Client({ scope: 'profile' });
    const response = await narrow.call('POST', WEBHOOKS, { uri: 'https://example.com/a', subscriptions: ['customer.created'] });
    expect([response.status, await response.json()]).toEqual([
      403,
      expect.objectContaining({ errorCode: 'Forbidden', error: 'The token lacks the webhooks:admin scope' }),
    ]);
    expect(await narrow.api.listWebhooks()).toEqual([]);
  });

  it('a webhook created through the API delivers a fired event, signed (N-Signature); /test sends the Test event once, not retried', async () => {
    const { api, call, binUrl } = await zentitle2Client({ timeScale: 3600 });
    const created = (await (await call('POST', WEBHOOKS, { uri: binUrl('z2'), subscriptions: ['entitlement.created'] })).json()) as { id: string };
    const fired = await api.fireEvent({ vendor: 'zentitle2', eventName: 'entitlement.created' });
    const [capture] = await waitForCaptures(api, 'z2', 1);
    expect(JSON.parse((capture!.body as { text: string }).text)).toMatchObject({ eventCode: 'entitlement.created', eventId: fired.event.id });
    expect(capture!.headers['n-signature']).toEqual(expect.any(String));
    expect(capture!.nSignature?.valid).toBe(true);

    await api.setBinScript({ bin: 'z2', script: { status: 500 } });
    const test = await call('POST', `${WEBHOOKS}/${created.id}/test`, '""');
    expect([test.status, await test.text()]).toEqual([204, '']);
    const [, tested] = await waitForCaptures(api, 'z2', 2);
    const body = JSON.parse((tested!.body as { text: string }).text) as { eventCode: string; resourceId: string; payload: unknown };
    expect(body).toMatchObject({ eventCode: 'webhook.test', resourceId: webhookIdOf(created.id) });
    const { deliveries } = await api.listDeliveries({ match: { webhookId: webhookIdOf(created.id)! } });
    const testDelivery = deliveries.find((delivery) => delivery.eventId !== fired.event.id)!;
    // At 3600× time a retry would come within milliseconds: failed after one try means none is planned.
    const settled = await waitForDelivery(api, testDelivery.id, 'failed');
    expect(settled.attempts).toHaveLength(1);
  });

  it('passes an engine refusal of a DELETE through as ApiError: a webhook deleted in Hooklab meanwhile is 404, not 500', async () => {
    const service = await startTestService();
    const credentials = {
      zentitle2: { tenantId: 't_tenant', clientId: 'client', clientSecret: 'secret' },
      flexnet: { userId: 'u', password: 'p' },
      sentinel: { username: 'ems', password: 'pw' },
      tokenKey: Buffer.alloc(32, 7),
    };
    // The UI deletes the webhook between the API's lookup and its own delete: the engine answers not_found.
    const deleteWebhook = async (input: { id: string }) => {
      await service.api.deleteWebhook(input);
      return service.api.deleteWebhook(input);
    };
    const api = { ...service.api, deleteWebhook };
    const app = createVendorApiApp({ modules: [zentitle2Api], deps: { api, credentials, now: Date.now }, log: new VendorApiLog(() => {}) });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const issued = await fetch(`${origin}/realms/t_tenant/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'client', client_secret: 'secret' }),
      });
      const { access_token: token } = (await issued.json()) as { access_token: string };
      const webhook = await service.api.createWebhook({
        vendor: 'zentitle2',
        name: 'raced',
        endpointUrl: 'https://example.com/raced',
        events: ['customer.created'],
      });
      const response = await fetch(`${origin}${WEBHOOKS}/${listenerIdOf(webhook.id)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}`, 'n-tenantid': 't_tenant' },
      });
      expect([response.status, await response.json()]).toEqual([
        404,
        { error: `No webhook has id "${webhook.id}"`, errorCode: 'NotFound', details: null, validationErrors: null },
      ]);
    } finally {
      await app.close();
    }
  });

  it('answers fastify’s own refusals, unknown paths and methods as ApiError too: 413, a malformed Content-Type (415), 404, 405', async () => {
    const { api, call } = await zentitle2Client();
    const apiError = (status: number, errorCode: string) => [status, { error: expect.any(String), errorCode, details: null, validationErrors: null }];
    const tooLarge = await call('POST', WEBHOOKS, `{"uri":"${'a'.repeat(VENDOR_API_BODY_LIMIT_BYTES)}"}`);
    expect([tooLarge.status, await tooLarge.json()]).toEqual(apiError(413, 'PayloadTooLarge'));

    // A Content-Type that is no media type: fastify refuses the content before any handler reads it.
    const malformed = await call('POST', WEBHOOKS, '{"uri":"https://example.com/a","subscriptions":["customer.created"]}', {
      'content-type': 'not a media type',
    });
    expect([malformed.status, await malformed.json()]).toEqual(apiError(415, 'UnsupportedMediaType'));

    const nowhere = await call('GET', `${WEBHOOKS}/wh_AAAAAAAAAAAAAAAAAAAAAA/nothing`);
    expect([nowhere.status, await nowhere.json()]).toEqual(apiError(404, 'NotFound'));
    const notAllowed = await call('PATCH', `${WEBHOOKS}/wh_AAAAAAAAAAAAAAAAAAAAAA`, { uri: 'https://example.com/a' });
    expect([notAllowed.status, await notAllowed.json()]).toEqual(apiError(405, 'MethodNotAllowed'));
    expect(notAllowed.headers.get('allow')).toBe('GET, PUT, DELETE');
    const list = await call('DELETE', WEBHOOKS);
    expect([list.status, list.headers.get('allow')]).toEqual([405, 'POST, GET']);
    expect(await api.listWebhooks()).toEqual([]);
  });

  it('does not test a webhook disabled in Hooklab (409), and sends nothing', async () => {
    const { api, call, binUrl } = await zentitle2Client();
    const created = (await (await call('POST', WEBHOOKS, { uri: binUrl('off'), subscriptions: ['customer.created'] })).json()) as { id: string };
    const webhook = (await api.listWebhooks())[0]!;
    const { id: _id, signingSecrets: _secrets, createdAt: _created, updatedAt: _updated, ...input } = webhook;
    await api.updateWebhook({ id: webhook.id, webhook: { ...input, enabled: false } });
    const test = await call('POST', `${WEBHOOKS}/${created.id}/test`);
    expect([test.status, ((await test.json()) as { errorCode: string }).errorCode]).toEqual([409, 'Conflict']);
    expect((await api.listDeliveries({})).total).toBe(0);
  });

  it('names each of its assumptions where the code makes the choice, and lists each operation for the Vendors page', async () => {
    const dir = join(import.meta.dirname, '../../../../src-main/vendor-api');
    const code = readdirSync(dir)
      .filter((name) => name.startsWith('zentitle2'))
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    const subjects = VENDOR_API_ASSUMPTIONS.filter((assumption) => assumption.vendor === 'zentitle2').map((assumption) => assumption.subject);
    expect(subjects.length).toBeGreaterThan(10);
    expect(subjects.filter((subject) => !code.includes(`"${subject}"`))).toEqual([]);

    const { access } = await startVendorApiService();
    const { endpoints } = access('zentitle2');
    expect(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}${endpoint.assumed ? ' (assumed)' : ''}`)).toEqual([
      'POST /realms/{tenantId}/protocol/openid-connect/token (assumed)',
      `POST ${WEBHOOKS}`,
      `GET ${WEBHOOKS}?pageNumber=&pageSize=`,
      `GET ${WEBHOOKS}/events`,
      `GET ${WEBHOOKS}/{webhookListenerId}`,
      `PUT ${WEBHOOKS}/{webhookListenerId}`,
      `DELETE ${WEBHOOKS}/{webhookListenerId}`,
      `POST ${WEBHOOKS}/{webhookListenerId}/test`,
    ]);
  });
});
