import { describe, expect, it } from 'vitest';
import { createSentinelApi } from '../../../../src-main/vendor-api/sentinel-api.ts';
import { createVendorApiApp } from '../../../../src-main/vendor-api/vendor-api-app.ts';
import { VendorApiLog } from '../../../../src-main/vendor-api/vendor-api-log.ts';
import { DELIVERY_MATCH_WEBHOOKS_MAX } from '../../../../src-shared/domain/delivery.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { basicHeader, deliveredAuthorization, type EmsApi, sentinelWebhooks, startEmsApi } from '../../../fixtures/sentinel-api-client.ts';

const basicProfile = { name: 'ERP Basic', type: 'BASIC', username: 'erp', password: 'erp-secret' };

function webhookBody(receiverUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    event: 'Entitlement Added',
    name: 'Entitlements to ERP',
    endpointUrl: `${receiverUrl}/r/erp/hooks`,
    authenticationProfile: { name: 'ERP Basic' },
    filterActivities: ['Add Entitlement'],
    triggerConditions: "entitlement.state == 'ENABLE'",
    description: 'New entitlements',
    includeData: false,
    enableWebhook: true,
    ...overrides,
  };
}

async function withProfileAndWebhook(ems: EmsApi, overrides: Record<string, unknown> = {}) {
  const profile = await ems.call('POST', '/authenticationProfiles', basicProfile);
  expect(profile.status).toBe(201);
  const webhook = await ems.call('POST', '/webhooks', webhookBody(ems.receiverUrl, overrides));
  expect(webhook.status).toBe(201);
  return { profile: profile.body, webhook: webhook.body };
}

describe('the emulated Sentinel EMS webhook API, called as an SDK would', () => {
  it('adds a profile and a webhook, lists them in pages, gets, replaces, updates and deletes a webhook', async () => {
    const ems = await startEmsApi();
    const { profile, webhook } = await withProfileAndWebhook(ems);
    expect(profile).toEqual({ id: expect.any(String), name: 'ERP Basic', type: 'BASIC', username: 'erp', password: '********' });
    expect(webhook).toEqual({ id: expect.any(String), ...webhookBody(ems.receiverUrl), authenticationProfile: { id: profile.id, name: 'ERP Basic' } });
    const [stored] = await sentinelWebhooks(ems.api);
    expect(stored).toMatchObject({
      id: webhook.id,
      events: ['Entitlement Added'],
      activities: ['Add Entitlement'],
      condition: "entitlement.state == 'ENABLE'",
      includeData: false,
      authProfileId: profile.id,
    });

    for (const name of ['Second', 'Third']) {
      expect(
        (await ems.call('POST', '/webhooks', webhookBody(ems.receiverUrl, { name, event: 'Namespace Added', filterActivities: [], triggerConditions: '' })))
          .status,
      ).toBe(201);
    }
    const first = await ems.call('GET', '/webhooks?pageSize=2');
    expect(first.body).toMatchObject({ pageStartIndex: 0, pageSize: 2, count: 3 });
    expect(first.body.webhooks.map((entry: { name: string }) => entry.name)).toEqual(['Entitlements to ERP', 'Second']);
    const second = await ems.call('GET', '/webhooks?pageStartIndex=2&pageSize=2');
    expect(second.body.webhooks.map((entry: { name: string }) => entry.name)).toEqual(['Third']);
    expect((await ems.call('GET', '/webhooks?event=Namespace%20Added')).body.count).toBe(2);
    expect((await ems.call('GET', '/webhooks?name=Third')).body.webhooks).toHaveLength(1);
    expect((await ems.call('GET', `/webhooks/${webhook.id}`)).body).toEqual(webhook);

    // PUT replaces: what it leaves out takes its default.
    const replaced = await ems.call('PUT', `/webhooks/${webhook.id}`, {
      event: 'Entitlement Updated',
      name: 'Replaced',
      endpointUrl: `${ems.receiverUrl}/r/erp/replaced`,
      authenticationProfile: { id: profile.id },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: webhook.id,
      event: 'Entitlement Updated',
      name: 'Replaced',
      filterActivities: [],
      triggerConditions: '',
      description: '',
      includeData: true,
      enableWebhook: true,
    });
    // A GET's answer sent back as it is changes nothing.
    expect((await ems.call('PUT', `/webhooks/${webhook.id}`, replaced.body)).body).toEqual(replaced.body);
    // PATCH changes only what it names.
    const patched = await ems.call('PATCH', `/webhooks/${webhook.id}`, { enableWebhook: false, description: 'Paused' });
    expect(patched.body).toEqual({ ...replaced.body, enableWebhook: false, description: 'Paused' });
    expect((await sentinelWebhooks(ems.api)).find((entry) => entry.id === webhook.id)).toMatchObject({
      enabled: false,
      description: 'Paused',
      name: 'Replaced',
    });

    const deleted = await ems.call('DELETE', `/webhooks/${webhook.id}`);
    expect(deleted).toMatchObject({ status: 204, body: null });
    const gone = await ems.call('GET', `/webhooks/${webhook.id}`);
    expect(gone).toMatchObject({ status: 404, body: { errorCode: 'RESOURCE_NOT_FOUND' } });
    expect((await sentinelWebhooks(ems.api)).map((entry) => entry.name)).toEqual(['Second', 'Third']);
  });

  it('refuses bad bodies with 400, an error code and a message naming the EMS attribute, and changes nothing', async () => {
    const ems = await startEmsApi();
    await withProfileAndWebhook(ems);
    const refused = async (method: string, path: string, body: unknown) => {
      const answer = await ems.call(method, path, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return answer.body;
    };
    const { endpointUrl: _endpointUrl, ...withoutUrl } = webhookBody(ems.receiverUrl, { name: 'Other' });
    expect(await refused('POST', '/webhooks', withoutUrl)).toEqual({
      errorCode: 'INVALID_REQUEST',
      errorMessage: 'endpointUrl: is required',
      errors: [{ attribute: 'endpointUrl', message: 'is required' }],
    });
    expect(await refused('POST', '/webhooks', '{"event": ')).toMatchObject({
      errorCode: 'INVALID_JSON',
      errorMessage: expect.stringMatching(/not valid JSON/),
    });
    // Hooklab's own rules come back in EMS names.
    const noConditions = await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'NS', event: 'Namespace Added', filterActivities: [] }));
    expect(noConditions.errors).toEqual([{ attribute: 'triggerConditions', message: expect.stringMatching(/cannot have a trigger condition/) }]);
    const badCondition = await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'Bad', triggerConditions: 'entitlement.state ==' }));
    expect(badCondition.errors.map((error: { attribute: string }) => error.attribute)).toEqual(['triggerConditions']);
    const badActivity = await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'Act', filterActivities: ['Add Namespace'] }));
    expect(badActivity.errors).toEqual([{ attribute: 'filterActivities[0]', message: expect.stringMatching(/not an activity/) }]);
    expect((await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'Ev', event: 'No Such Event' }))).errors[0].attribute).toBe('event');
    expect((await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'Url', endpointUrl: 'not a url' }))).errors[0].attribute).toBe(
      'endpointUrl',
    );
    expect((await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'P', authenticationProfile: { name: 'Nobody' } }))).errors).toEqual([
      { attribute: 'authenticationProfile', message: 'no authentication profile is named "Nobody"' },
    ]);
    expect((await refused('POST', '/webhooks', webhookBody(ems.receiverUrl, { name: 'I', includeData: 'Yes' }))).errors).toEqual([
      { attribute: 'includeData', message: 'must be a boolean' },
    ]);
    expect((await refused('PATCH', `/webhooks/${(await sentinelWebhooks(ems.api))[0]!.id}`, { name: 'x'.repeat(101) })).errors[0]).toEqual({
      attribute: 'name',
      message: 'must be at most 100 characters',
    });
    expect((await refused('POST', '/authenticationProfiles', { ...basicProfile, name: 'T', type: 'TOKEN' })).errors).toEqual([
      { attribute: 'type', message: 'must be BASIC or OAUTH' },
    ]);
    const badOauth = await refused('POST', '/authenticationProfiles', { name: 'O', type: 'OAUTH', tokenUrl: 'nope', clientId: 'c', clientSecret: 's' });
    expect(badOauth.errors[0].attribute).toBe('tokenUrl');
    expect((await refused('GET', '/webhooks/events?status=LOST', undefined)).errors[0].attribute).toBe('status');
    expect((await refused('GET', '/webhooks?page=2', undefined)).errorMessage).toMatch(/unknown field\(s\): page/);

    expect((await sentinelWebhooks(ems.api)).map((webhook) => webhook.name)).toEqual(['Entitlements to ERP']);
    expect((await ems.api.listAuthProfiles()).map((profile) => profile.name)).toEqual(['ERP Basic']);
  });

  it('answers 401 without or with wrong Basic credentials, 405 for a method a path does not take, 404 in the EMS shape', async () => {
    const ems = await startEmsApi();
    const missing = await ems.call('GET', '/webhooks', undefined, { authorization: null });
    expect(missing).toMatchObject({ status: 401, body: { errorCode: 'UNAUTHORIZED' } });
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="Sentinel EMS"');
    expect((await ems.call('GET', '/webhooks', undefined, { authorization: basicHeader(ems.user, 'wrong') })).status).toBe(401);
    expect((await ems.call('GET', '/webhooks', undefined, { authorization: basicHeader('someone', ems.password) })).status).toBe(401);
    expect((await ems.call('GET', '/webhooks', undefined, { authorization: `Bearer ${ems.password}` })).status).toBe(401);

    const notAllowed = await ems.call('DELETE', '/webhooks');
    expect(notAllowed).toMatchObject({ status: 405, body: { errorCode: 'METHOD_NOT_ALLOWED' } });
    expect(notAllowed.headers.get('allow')).toBe('POST, GET');
    expect((await ems.call('POST', '/webhooks/some-id', {})).status).toBe(405);
    expect(await ems.call('GET', '/nothing-here')).toMatchObject({ status: 404, body: { errorCode: 'RESOURCE_NOT_FOUND' } });
  });

  it('answers 429 with Retry-After: 60 past the rate, per client, until the next minute', async () => {
    const service = await startTestService();
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const credentials = {
      zentitle2: { tenantId: 't', clientId: 'c', clientSecret: 's' },
      flexnet: { userId: 'u', password: 'p' },
      sentinel: { username: 'ems', password: 'pw' },
      tokenKey: new Uint8Array(),
    };
    const app = createVendorApiApp({
      modules: [createSentinelApi({ requestsPerMinute: 3 })],
      deps: { api: service.api, credentials, now: () => now },
      log: new VendorApiLog(() => {}),
    });
    const get = (remoteAddress = '127.0.0.1') =>
      app.inject({ method: 'GET', url: '/ems/api/v5/webhooks', remoteAddress, headers: { authorization: basicHeader('ems', 'pw') } });
    for (let n = 0; n < 3; n += 1) expect((await get()).statusCode).toBe(200);
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json()).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS' });
    expect((await get('127.0.0.2')).statusCode).toBe(200);
    now += 60_000;
    expect((await get()).statusCode).toBe(200);
    await app.close();
  });

  it('authentication profiles: secrets masked, PATCH keeps the secret, a name taken is 409, one in use cannot be deleted (409)', async () => {
    const ems = await startEmsApi();
    const { profile, webhook } = await withProfileAndWebhook(ems);
    const oauth = await ems.call('POST', '/authenticationProfiles', {
      name: 'Tokens',
      type: 'OAUTH',
      tokenUrl: 'https://auth.example.com/oauth/token',
      clientId: 'ems-client',
      clientSecret: 'client-secret',
      scope: 'webhooks',
    });
    expect(oauth.body).toEqual({
      id: expect.any(String),
      name: 'Tokens',
      type: 'OAUTH',
      tokenUrl: 'https://auth.example.com/oauth/token',
      clientId: 'ems-client',
      clientSecret: '********',
      scope: 'webhooks',
      audience: '',
    });
    const list = await ems.call('GET', '/authenticationProfiles');
    expect(list.body).toMatchObject({ count: 2, pageStartIndex: 0, pageSize: 25 });
    expect(JSON.stringify(list.body)).not.toMatch(/erp-secret|client-secret/);
    expect((await ems.call('POST', '/authenticationProfiles', basicProfile)).body).toMatchObject({
      errorCode: 'DUPLICATE_NAME',
      errors: [{ attribute: 'name' }],
    });
    expect((await ems.call('PATCH', `/authenticationProfiles/${oauth.body.id}`, { name: 'ERP Basic' })).status).toBe(409);

    const renamed = await ems.call('PATCH', `/authenticationProfiles/${profile.id}`, { username: 'erp-2' });
    expect(renamed.body).toEqual({ ...profile, username: 'erp-2' });
    // A GET's answer sent back whole (the mask included) keeps the secret too.
    expect((await ems.call('PUT', `/authenticationProfiles/${profile.id}`, renamed.body)).status).toBe(200);
    expect((await ems.call('PUT', `/authenticationProfiles/${profile.id}`, { ...renamed.body, id: 'another' })).body.errors).toEqual([
      { attribute: 'id', message: `must be the id in the path ("${profile.id}")` },
    ]);
    // The webhook now sends the new user name with the secret it always had.
    expect(await deliveredAuthorization(ems.api, ems.api, 'erp')).toBe(basicHeader('erp-2', 'erp-secret'));

    expect(await ems.call('DELETE', `/authenticationProfiles/${profile.id}`)).toMatchObject({ status: 409, body: { errorCode: 'CONFLICT' } });
    expect((await ems.call('DELETE', `/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await ems.call('DELETE', `/authenticationProfiles/${profile.id}`)).status).toBe(204);
    expect((await ems.call('GET', `/authenticationProfiles/${profile.id}`)).status).toBe(404);
  });
});

describe('Sentinel EMS events: search, retry, mark as successful', () => {
  it("a webhook made through the API delivers a fired event with its profile's Basic credentials; events are searched by webhook, event, status and time", async () => {
    const ems = await startEmsApi();
    const { webhook } = await withProfileAndWebhook(ems, { triggerConditions: '', filterActivities: [] });
    await ems.api.setBinScript({ bin: 'erp', script: { status: 404 } });
    const before = new Date(Date.now() - 60_000).toISOString();
    const fired = await ems.api.fireEvent({ eventName: 'Entitlement Added' });
    const [delivery] = fired.deliveries;
    expect(delivery!.webhookId).toBe(webhook.id);
    await waitForDelivery(ems.api, delivery!.id, 'failed');
    const [capture] = await ems.api.listCaptures({ bin: 'erp' });
    expect((await ems.api.getCapture({ id: capture!.id })).headers.authorization).toBe(basicHeader('erp', 'erp-secret'));

    const search = async (query: string) => (await ems.call('GET', `/webhooks/events?${query}`)).body;
    const found = await search(`webhookId=${webhook.id}`);
    expect(found).toMatchObject({ count: 1, pageStartIndex: 0, pageSize: 25 });
    expect(found.events[0]).toMatchObject({
      id: delivery!.id,
      eventId: fired.event.id,
      webhookId: webhook.id,
      webhookName: 'Entitlements to ERP',
      eventName: 'Entitlement Added',
      status: 'FAILED',
      attempts: 1,
      lastStatusCode: 404,
    });
    expect((await search(`eventId=${fired.event.id}&status=FAILED,PENDING`)).count).toBe(1);
    expect((await search('status=SUCCESSFUL')).count).toBe(0);
    expect((await search(`startTime=${before}&endTime=${new Date(Date.now() + 60_000).toISOString()}`)).count).toBe(1);
    expect((await search(`startTime=${new Date(Date.now() + 60_000).toISOString()}`)).count).toBe(0);
    expect((await ems.call('GET', `/webhooks/events?startTime=${before}&endTime=${before}`)).body.errors[0].attribute).toBe('endTime');

    // Retry by id: the receiver answers now, and the event succeeds.
    await ems.api.setBinScript({ bin: 'erp', script: {} });
    const retried = await ems.call('POST', '/webhooks/events/retry', { ids: [delivery!.id] });
    expect(retried).toMatchObject({ status: 202, body: { matchedCount: 1, updatedCount: 1, skippedCount: 0, skippedReason: null } });
    await waitForDelivery(ems.api, delivery!.id, 'succeeded');
    expect((await search('status=SUCCESSFUL')).events.map((event: { id: string }) => event.id)).toEqual([delivery!.id]);
    const again = await ems.call('POST', '/webhooks/events/retry', { ids: [delivery!.id, 'no-such-event'] });
    expect(again.body).toEqual({
      matchedCount: 2,
      updatedCount: 0,
      skippedCount: 2,
      skippedReason: 'only failed deliveries can be retried: 1 succeeded was skipped; 1 id matches no delivery',
    });
  });

  it('retries and marks as successful by filter, only Sentinel EMS events, FAILED ones', async () => {
    const ems = await startEmsApi();
    const { webhook } = await withProfileAndWebhook(ems, { triggerConditions: '', filterActivities: [] });
    await ems.api.setBinScript({ bin: 'erp', script: { status: 404 } });
    // Another vendor's failed delivery stays out of the Sentinel API's reach.
    await ems.api.createWebhook({ vendor: 'zentitle2', name: 'Z', events: ['customer.created'], endpointUrl: `${ems.receiverUrl}/r/erp/z` });
    const [other] = (await ems.api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created' })).deliveries;
    const deliveries = [];
    for (let n = 0; n < 2; n += 1) deliveries.push(...(await ems.api.fireEvent({ eventName: 'Entitlement Added' })).deliveries);
    for (const delivery of [other!, ...deliveries]) await waitForDelivery(ems.api, delivery.id, 'failed');

    const refused = await ems.call('POST', '/webhooks/events/markSuccessful', { ids: [deliveries[0]!.id], filter: { webhookId: webhook.id } });
    expect(refused.body.errors[0]).toEqual({ attribute: 'ids', message: 'give either ids or a filter, not both or neither' });
    expect((await ems.call('GET', '/webhooks/events')).body.count).toBe(2);
    const retried = await ems.call('POST', '/webhooks/events/retry', { filter: { webhookId: webhook.id, eventId: deliveries[0]!.eventId } });
    expect(retried).toMatchObject({ status: 202, body: { matchedCount: 1, updatedCount: 1, skippedCount: 0 } });
    await waitForDelivery(ems.api, deliveries[0]!.id, 'failed', (detail) => detail.attempts.length === 2);

    const marked = await ems.call('POST', '/webhooks/events/markSuccessful', { filter: { status: ['FAILED'] } });
    expect(marked).toMatchObject({ status: 200, body: { matchedCount: 2, updatedCount: 2, skippedCount: 0 } });
    expect((await ems.call('GET', '/webhooks/events?status=MARKED_SUCCESSFUL')).body.count).toBe(2);
    expect((await ems.api.getDelivery({ id: other!.id })).delivery.status).toBe('failed');
    const skipped = await ems.call('POST', '/webhooks/events/retry', { filter: { status: ['MARKED_SUCCESSFUL'] } });
    expect(skipped).toMatchObject({ status: 202, body: { matchedCount: 2, updatedCount: 0, skippedCount: 2 } });
  });

  it('searches, retries and marks more Sentinel EMS webhooks than one engine search lists, in pages; ids are looked up one by one', async () => {
    const ems = await startEmsApi();
    await ems.api.setBinScript({ bin: 'many', script: { status: 404 } });
    const count = DELIVERY_MATCH_WEBHOOKS_MAX + 2;
    for (let n = 0; n < count; n += 1) {
      await ems.api.createWebhook({ vendor: 'sentinel-ems', name: `many ${n}`, events: ['Entitlement Added'], endpointUrl: `${ems.receiverUrl}/r/many/${n}` });
    }
    await ems.api.createWebhook({ vendor: 'zentitle2', name: 'Z', events: ['customer.created'], endpointUrl: `${ems.receiverUrl}/r/many/z` });
    const [other] = (await ems.api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created' })).deliveries;
    const { deliveries } = await ems.api.fireEvent({ eventName: 'Entitlement Added' });
    expect(deliveries).toHaveLength(count);
    for (const delivery of [other!, ...deliveries]) await waitForDelivery(ems.api, delivery.id, 'failed');

    const first = (await ems.call('GET', '/webhooks/events?pageSize=50')).body;
    const second = (await ems.call('GET', '/webhooks/events?pageSize=50&pageStartIndex=50')).body;
    expect([first.count, first.events.length, second.count, second.events.length]).toEqual([count, 50, count, count - 50]);
    const paged = [...first.events, ...second.events].map((event: { id: string }) => event.id);
    expect(new Set(paged)).toEqual(new Set(deliveries.map((delivery) => delivery.id)));
    expect((await ems.call('GET', `/webhooks/events?webhookId=${other!.webhookId}`)).body.count).toBe(0);
    const blank = await ems.call('GET', '/webhooks/events?webhookId=%20');
    expect([blank.status, blank.body.errors]).toEqual([400, [{ attribute: 'webhookId', message: 'must not be empty' }]]);
    // The id as the engine reads it (trimmed) is the one searched.
    expect((await ems.call('GET', `/webhooks/events?webhookId=%20${deliveries[0]!.webhookId}`)).body.count).toBe(1);
    // A page past the end is empty; pageStartIndex has a bound.
    expect((await ems.call('GET', '/webhooks/events?pageStartIndex=10000')).body).toEqual({ events: [], pageStartIndex: 10000, pageSize: 25, count });
    for (const deep of ['10001', '999999999999999999999']) {
      const refused = await ems.call('GET', `/webhooks/events?pageStartIndex=${deep}`);
      expect([refused.status, refused.body.errors]).toEqual([
        400,
        [{ attribute: 'pageStartIndex', message: 'must be at most 10000; narrow the search instead' }],
      ]);
    }

    const marked = await ems.call('POST', '/webhooks/events/markSuccessful', {
      ids: [deliveries[0]!.id, deliveries[count - 1]!.id, other!.id, deliveries[0]!.id],
    });
    expect(marked.body).toEqual({ matchedCount: 3, updatedCount: 2, skippedCount: 1, skippedReason: '1 id matches no delivery' });
    // The two marked ones are in different engine searches: the reason adds both up.
    const notRetried = await ems.call('POST', '/webhooks/events/retry', { filter: { status: ['MARKED_SUCCESSFUL'] } });
    expect(notRetried.body).toEqual({
      matchedCount: 2,
      updatedCount: 0,
      skippedCount: 2,
      skippedReason: 'only failed deliveries can be retried: 2 marked successful were skipped',
    });
    const retried = await ems.call('POST', '/webhooks/events/retry', { filter: { status: ['FAILED'] } });
    expect(retried).toMatchObject({ status: 202, body: { matchedCount: count - 2, updatedCount: count - 2, skippedCount: 0 } });
    expect((await ems.api.getDelivery({ id: other!.id })).delivery).toMatchObject({ status: 'failed', attemptCount: 1 });
  });
});
