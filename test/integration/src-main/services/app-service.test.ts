import { describe, expect, it } from 'vitest';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { basicAuthorization } from '../../../fixtures/basic-auth.ts';

const SENTINEL_FIELDS = [
  'eventName',
  'entityName',
  'webhookId',
  'webhookName',
  'activityName',
  'requestId',
  'eventId',
  'url',
  'entityId',
  'currentState',
  'opDatetime',
];

describe('the engine, end to end: fire → deliver to the built-in receiver → capture', () => {
  it('delivers the Sentinel body with Basic auth, records the attempt and the capture, and keeps them after a restart', async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const { api } = service;
    const auth = await api.createAuthProfile({ kind: 'basic', name: 'Receiver login', username: 'ems', password: 's3cret' });
    const endpointUrl = `${service.info.receiverUrl}/r/e2e-bin/hooks`;
    const webhook = await api.createWebhook({
      name: 'ENTADD',
      events: ['Entitlement Added'],
      endpointUrl,
      authProfileId: auth.id,
    });

    const fired = await api.fireEvent({ eventName: 'Entitlement Added', seed: 7 });
    expect(fired.deliveries).toHaveLength(1);
    expect(fired.deliveries[0]).toMatchObject({ webhookId: webhook.id, endpointUrl, status: 'pending' });
    const { delivery, attempts, event } = await waitForDelivery(api, fired.deliveries[0].id, 'succeeded');
    expect(event).toEqual(fired.event);
    expect(delivery).toMatchObject({ attemptCount: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });

    expect(attempts).toHaveLength(1);
    const [attempt] = attempts;
    expect(attempt.request.method).toBe('POST');
    expect(attempt.request.url).toBe(endpointUrl);
    expect(attempt.request.headers).toMatchObject({
      host: new URL(endpointUrl).host,
      'content-type': 'application/json',
      authorization: basicAuthorization('ems', 's3cret'),
      'content-length': String(Buffer.byteLength(attempt.request.body)),
    });
    expect(attempt.request.headers['user-agent']).toMatch(/^Hooklab\//);

    const body = JSON.parse(attempt.request.body) as Record<string, string>;
    expect(Object.keys(body)).toEqual(SENTINEL_FIELDS);
    expect(body).toEqual({
      eventName: 'Entitlement Added',
      entityName: 'Entitlement',
      webhookId: webhook.id,
      webhookName: 'ENTADD',
      activityName: fired.event.activity,
      requestId: fired.event.requestId,
      eventId: fired.event.id,
      url: 'https://api.example.com/ems/v5/entitlements',
      entityId: fired.event.entityId,
      currentState: JSON.stringify(fired.event.currentState),
      opDatetime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/),
    });
    expect(Date.parse(`${body.opDatetime.replace(' ', 'T')}Z`)).toBe(fired.event.opTime);
    expect(JSON.parse(body.currentState)).toMatchObject({ entitlement: { id: fired.event.entityId } });

    expect(attempt.response?.status).toBe(200);
    const reply = JSON.parse(attempt.response!.body) as { received: boolean; captureId: string };
    expect(reply.received).toBe(true);
    expect(attempt.error).toBeNull();

    const captures = await api.listCaptures({ bin: 'e2e-bin' });
    expect(captures.map((capture) => capture.id)).toEqual([reply.captureId]);
    const capture = await api.getCapture({ id: reply.captureId });
    expect(capture).toMatchObject({ bin: 'e2e-bin', method: 'POST', path: '/hooks', replyStatus: 200 });
    expect(capture.body).toEqual({ encoding: 'utf8', text: attempt.request.body });
    expect(capture.bodySize).toBe(Buffer.byteLength(attempt.request.body));
    expect(capture.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: attempt.request.headers.authorization,
    });

    const before = {
      webhooks: await api.listWebhooks(),
      deliveries: await api.listDeliveries(),
      detail: await api.getDelivery({ id: delivery.id }),
      capture,
    };
    await service.close();

    const reopened = await startTestService({ dataDir, receiverPort: undefined });
    expect({
      webhooks: await reopened.api.listWebhooks(),
      deliveries: await reopened.api.listDeliveries(),
      detail: await reopened.api.getDelivery({ id: delivery.id }),
      capture: await reopened.api.getCapture({ id: reply.captureId }),
    }).toEqual(before);
    expect((await reopened.api.listAuthProfiles()).map((profile) => profile.name)).toEqual(['Receiver login']);
    // The receiver keeps its port per workspace, so the webhook's URL stays valid; when another
    // program took the port meanwhile, the engine says so instead.
    if (reopened.info.receiverUrl !== service.info.receiverUrl) {
      expect(reopened.warnings.join('\n')).toContain(`Receiver port ${new URL(service.info.receiverUrl).port} is taken`);
    }
  });

  it('an event reaches every enabled webhook that subscribes to it, and no other', async () => {
    const service = await startTestService();
    const { api } = service;
    const url = (bin: string) => `${service.info.receiverUrl}/r/${bin}`;
    const added = await api.createWebhook({ name: 'added', events: ['Entitlement Added'], endpointUrl: url('added') });
    await api.createWebhook({ name: 'disabled', events: ['Entitlement Added'], endpointUrl: url('disabled'), enabled: false });
    await api.createWebhook({ name: 'updated only', events: ['Entitlement Updated'], endpointUrl: url('updated') });

    const fired = await api.fireEvent({ eventName: 'Entitlement Added' });
    expect(fired.deliveries.map((delivery) => delivery.webhookId)).toEqual([added.id]);
    await waitForDelivery(api, fired.deliveries[0].id, 'succeeded');
    expect((await api.listBins()).map((bin) => bin.name)).toEqual(['added']);
  });

  it('a new workspace holds the demo webhook, and firing at it delivers to the receiver bin "demo"', async () => {
    const service = await startTestService({ demoWorkspace: true });
    const [demo] = await service.api.listWebhooks();
    expect(demo).toMatchObject({ name: 'Demo - Entitlement Added', endpointUrl: `${service.info.receiverUrl}/r/demo` });
    const fired = await service.api.fireEvent({ eventName: 'Entitlement Added' });
    await waitForDelivery(service.api, fired.deliveries[0].id, 'succeeded');
    const [capture] = await service.api.listCaptures({ bin: 'demo' });
    expect(capture).toMatchObject({ method: 'POST', replyStatus: 200 });
  });
});
