import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src-shared/errors.ts';
import { startTestService, waitForDelivery } from '../../../../fixtures/app-service.ts';
import { startSubscriber } from '../../../../fixtures/subscriber-endpoint.ts';
import { basicAuthorization } from '../../../../fixtures/basic-auth.ts';

describe('FlexNet ENS through the engine: one credential pair per tenant, a URL per category', () => {
  it('entitlement and product events reach their own URLs with the same Basic credentials and the account tenant', async () => {
    const service = await startTestService();
    const { api } = service;
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(200).send());
    const credentials = await api.createAuthProfile({ kind: 'basic', name: 'ENS login', username: 'ens-user', password: 'p4ss' });
    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: credentials.id, settings: { tenant: 'ACME', userId: 'ACMEadmin' } });
    const entitlementsUrl = `${subscriber.url}/ens/entitlements`;
    const productsUrl = `${subscriber.url}/ens/products`;
    await api.createWebhook({ vendor: 'flexnet', name: 'entitlements', events: ['ENT CREATE', 'ENT UPDATE'], endpointUrl: entitlementsUrl });
    await api.createWebhook({ vendor: 'flexnet', name: 'products', events: ['PROD UPDATE'], endpointUrl: productsUrl });

    const entitlement = await api.fireEvent({ vendor: 'flexnet', eventName: 'ENT UPDATE', seed: 3 });
    const product = await api.fireEvent({ vendor: 'flexnet', eventName: 'PROD UPDATE', seed: 3 });
    expect(entitlement.deliveries.map((delivery) => delivery.endpointUrl)).toEqual([entitlementsUrl]);
    expect(product.deliveries.map((delivery) => delivery.endpointUrl)).toEqual([productsUrl]);
    await waitForDelivery(api, entitlement.deliveries[0]!.id, 'succeeded');
    await waitForDelivery(api, product.deliveries[0]!.id, 'succeeded');

    const byPath = new Map(subscriber.received.map((request) => [request.url, request]));
    expect([...byPath.keys()].sort()).toEqual(['/ens/entitlements', '/ens/products']);
    for (const [path, request] of byPath) {
      expect(request.headers.authorization, path).toBe(basicAuthorization('ens-user', 'p4ss'));
      expect(request.headers['content-type'], path).toBe('application/json');
    }
    const entitlementBody = JSON.parse(byPath.get('/ens/entitlements')!.body.toString('utf8'));
    const productBody = JSON.parse(byPath.get('/ens/products')!.body.toString('utf8'));
    expect(entitlementBody.eventHeader).toEqual({
      event: 'ENT',
      eventType: 'UPDATE',
      userId: 'ACMEadmin',
      tenant: 'ACME',
      timeStamp: String(entitlement.event.opTime),
    });
    expect(entitlementBody.eventBody).toEqual(entitlement.event.currentState);
    expect(entitlementBody.eventBody.entitlementId).toBe(entitlement.event.entityId);
    expect(productBody.eventHeader).toMatchObject({ event: 'PROD', eventType: 'UPDATE', userId: 'ACMEadmin', tenant: 'ACME' });
    expect(productBody.eventBody.productId).toBe(product.event.entityId);
  });

  it('new credentials on the account apply to every FlexNet webhook at once', async () => {
    const service = await startTestService();
    const { api } = service;
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const first = await api.createAuthProfile({ kind: 'basic', name: 'old', username: 'old', password: 'one' });
    const second = await api.createAuthProfile({ kind: 'basic', name: 'new', username: 'new', password: 'two' });
    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: first.id });
    await api.createWebhook({ vendor: 'flexnet', name: 'devices', events: ['DEVICE CREATE'], endpointUrl: `${subscriber.url}/devices` });

    const before = await api.fireEvent({ vendor: 'flexnet', eventName: 'DEVICE CREATE' });
    await waitForDelivery(api, before.deliveries[0]!.id, 'succeeded');
    await api.updateVendorAccount({ vendor: 'flexnet', authProfileId: second.id });
    const after = await api.fireEvent({ vendor: 'flexnet', eventName: 'DEVICE CREATE' });
    await waitForDelivery(api, after.deliveries[0]!.id, 'succeeded');

    expect(subscriber.received.map((request) => request.headers.authorization)).toEqual([basicAuthorization('old', 'one'), basicAuthorization('new', 'two')]);
    // Defaults of the seed samples when the account sets no tenant.
    expect(JSON.parse(subscriber.received[0]!.body.toString('utf8')).eventHeader).toMatchObject({ tenant: '1000', userId: '1000admin' });
  });

  it('refuses a FlexNet webhook with its own auth profile, or with events of two categories, naming the field', async () => {
    const service = await startTestService();
    const { api } = service;
    const credentials = await api.createAuthProfile({ kind: 'basic', name: 'ENS login', username: 'ens-user', password: 'p4ss' });
    const withAuth = api.createWebhook({
      vendor: 'flexnet',
      name: 'own credentials',
      events: ['ENT CREATE'],
      endpointUrl: 'http://127.0.0.1:9/ens',
      authProfileId: credentials.id,
    });
    await expect(withAuth).rejects.toBeInstanceOf(AppError);
    await expect(withAuth).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'authProfileId', message: expect.stringContaining("account's shared credentials") }] },
    });

    const mixed = api.createWebhook({
      vendor: 'flexnet',
      name: 'everything',
      events: ['ENT CREATE', 'ENT UPDATE', 'PROD CREATE'],
      endpointUrl: 'http://127.0.0.1:9/ens',
    });
    await expect(mixed).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'events[2]', message: expect.stringMatching(/^must be an event of Entitlement \(ENT\): .*one category/) }] },
    });
    expect(await api.listWebhooks()).toEqual([]);
  });
});
