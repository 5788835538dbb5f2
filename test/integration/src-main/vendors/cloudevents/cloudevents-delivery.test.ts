import { type CloudEvent, HTTP } from 'cloudevents';
import type { FastifyReply } from 'fastify';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../../../src-main/storage/database.ts';
import { EndpointValidationRepository } from '../../../../../src-main/storage/endpoint-validation-repository.ts';
import type { AppService } from '../../../../../src-main/services/app-service.ts';
import type { CaptureDetail } from '../../../../../src-shared/domain/capture.ts';
import type { WebhookInput } from '../../../../../src-shared/domain/webhook.ts';
import { CLOUDEVENTS_REQUEST_ORIGIN } from '../../../../../src-shared/vendors/cloudevents/catalog.ts';
import { startTestService, waitForDelivery } from '../../../../fixtures/app-service.ts';
import type { ReceivedRequest } from '../../../../fixtures/http-endpoint.ts';
import { ManualClock } from '../../../../fixtures/manual-clock.ts';
import { startSubscriber } from '../../../../fixtures/subscriber-endpoint.ts';
import { tempDir } from '../../../../fixtures/temp-dir.ts';
import { waitFor } from '../../../../fixtures/wait-for.ts';

const SEAT_ACTIVATED = 'com.hooklab.licensing.seat.activated';

function cloudEventsWebhook(name: string, endpointUrl: string, extra: Partial<WebhookInput> = {}): WebhookInput {
  return { vendor: 'cloudevents', name, events: [SEAT_ACTIVATED], endpointUrl, ...extra };
}

async function fire(service: AppService, seed = 1) {
  return service.api.fireEvent({ vendor: 'cloudevents', eventName: SEAT_ACTIVATED, seed });
}

/** A subscriber that agrees in the handshake (as `*`) and answers POSTs as `post` says. */
const consenting =
  (post: (request: ReceivedRequest, postIndex: number, reply: FastifyReply) => unknown) =>
  (request: ReceivedRequest, _index: number, reply: FastifyReply, all: ReceivedRequest[]) =>
    request.method === 'OPTIONS'
      ? reply.code(200).headers({ 'webhook-allowed-origin': '*', 'webhook-allowed-rate': '120', allow: 'POST' }).send()
      : post(request, all.filter((r) => r.method === 'POST').length - 1, reply);

async function subscriber(post: (request: ReceivedRequest, postIndex: number, reply: FastifyReply) => unknown) {
  const respond = consenting(post);
  const endpoint = await startSubscriber((request, index, reply) => respond(request, index, reply, endpoint.received));
  return endpoint;
}

const methods = (received: { method: string }[]) => received.map((request) => request.method);

/** What the receiver captured, parsed by the CloudEvents SDK. */
function parsed(capture: CaptureDetail): CloudEvent<unknown> {
  const body = capture.body.encoding === 'utf8' ? capture.body.text : Buffer.from(capture.body.base64, 'base64').toString();
  return HTTP.toEvent({ headers: capture.headers, body }) as CloudEvent<unknown>;
}

describe('CloudEvents deliveries to the built-in receiver, read with the cloudevents SDK', () => {
  it('structured and binary mode carry the same event; the handshake comes first, then the POST with the Bearer token', async () => {
    const service = await startTestService();
    const auth = await service.api.createAuthProfile({ kind: 'bearer', name: 'static', token: 'ce-token-1' });
    const bins = { structured: 'ce-structured', binary: 'ce-binary' };
    for (const [mode, bin] of Object.entries(bins)) {
      await service.api.createWebhook(
        cloudEventsWebhook(mode, `${service.info.receiverUrl}/r/${bin}/events`, { authProfileId: auth.id, vendorOptions: { mode } }),
      );
    }
    const { event, deliveries } = await fire(service, 42);
    for (const delivery of deliveries) await waitForDelivery(service.api, delivery.id, 'succeeded');

    for (const [mode, bin] of Object.entries(bins)) {
      const captures = (await service.api.listCaptures({ bin })).reverse();
      expect(methods(captures)).toEqual(['OPTIONS', 'POST']);
      const [handshake, post] = await Promise.all(captures.map(({ id }) => service.api.getCapture({ id })));
      expect(handshake.headers['webhook-request-origin']).toBe(CLOUDEVENTS_REQUEST_ORIGIN);
      expect(handshake.replyStatus).toBe(200);
      expect(post.headers.authorization).toBe('Bearer ce-token-1');
      expect(post.headers['webhook-request-origin']).toBe(CLOUDEVENTS_REQUEST_ORIGIN);
      expect(post.contentType).toBe(mode === 'binary' ? 'application/json' : 'application/cloudevents+json; charset=utf-8');
      const cloudEvent = parsed(post);
      expect(cloudEvent.validate()).toBe(true);
      expect(cloudEvent).toMatchObject({
        specversion: '1.0',
        id: event.id,
        source: '/hooklab/licensing',
        type: SEAT_ACTIVATED,
        subject: event.entityId,
        time: new Date(event.opTime).toISOString(),
        datacontenttype: 'application/json',
        data: event.currentState,
      });
    }
  });

  it('the account’s source setting is the event source', async () => {
    const service = await startTestService();
    await service.api.updateVendorAccount({ vendor: 'cloudevents', settings: { source: 'https://licensing.example.com/tenants/acme' } });
    await service.api.createWebhook(cloudEventsWebhook('w', `${service.info.receiverUrl}/r/ce-source`));
    const { deliveries } = await fire(service);
    await waitForDelivery(service.api, deliveries[0].id, 'succeeded');
    const [post] = await service.api.listCaptures({ bin: 'ce-source' });
    expect(parsed(await service.api.getCapture({ id: post.id })).source).toBe('https://licensing.example.com/tenants/acme');
  });
});

describe('the validation handshake (CloudEvents webhook spec §4)', () => {
  it('happens once per endpoint, before its first POST, across deliveries and a restart; Sentinel webhooks never ask', async () => {
    const endpoint = await subscriber((_request, _index, reply) => reply.code(204).send());
    const dataDir = tempDir();
    const first = await startTestService({ dataDir });
    await first.api.createWebhook(cloudEventsWebhook('a', `${endpoint.url}/hooks`));
    await first.api.createWebhook({ name: 'sentinel', events: ['Entitlement Added'], endpointUrl: `${endpoint.url}/sentinel` });
    const fired = await Promise.all([fire(first, 1), fire(first, 2), fire(first, 3)]);
    const sentinel = await first.api.fireEvent({ eventName: 'Entitlement Added' });
    for (const { deliveries } of [...fired, sentinel]) await waitForDelivery(first.api, deliveries[0].id, 'succeeded');
    await first.close();

    const second = await startTestService({ dataDir });
    await second.api.createWebhook(cloudEventsWebhook('b', `${endpoint.url}/other`));
    const again = await fire(second, 4);
    for (const delivery of again.deliveries) await waitForDelivery(second.api, delivery.id, 'succeeded');

    const byPath = (path: string) => methods(endpoint.received.filter((request) => request.url === path));
    expect(byPath('/hooks')).toEqual(['OPTIONS', 'POST', 'POST', 'POST', 'POST']);
    expect(byPath('/other')).toEqual(['OPTIONS', 'POST']);
    expect(byPath('/sentinel')).toEqual(['POST']);
    const handshake = endpoint.received.find((request) => request.method === 'OPTIONS')!;
    expect(handshake.headers['webhook-request-origin']).toBe(CLOUDEVENTS_REQUEST_ORIGIN);

    await second.close();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    onTestFinished(() => {
      db.close();
    });
    expect(new EndpointValidationRepository(db).get(`${endpoint.url}/hooks`, CLOUDEVENTS_REQUEST_ORIGIN)).toMatchObject({
      allowedOrigin: '*',
      allowedRate: '120',
    });
  });

  it('a refusing endpoint (405, no WebHook-Allowed-Origin) gets no POST; the try records the handshake and is retried', async () => {
    const endpoint = await startSubscriber((_request, _index, reply) => reply.code(405).send('Method Not Allowed'));
    const service = await startTestService();
    await service.api.createWebhook(cloudEventsWebhook('refused', `${endpoint.url}/hooks`));
    const { deliveries } = await fire(service);
    const retrying = await waitForDelivery(service.api, deliveries[0].id, 'retrying');

    const [attempt] = retrying.attempts;
    expect(attempt.error).toBe(`endpoint validation: ${endpoint.url}/hooks answered 405 without WebHook-Allowed-Origin`);
    expect(attempt.request).toMatchObject({ method: 'OPTIONS', url: `${endpoint.url}/hooks`, body: '' });
    expect(attempt.request.headers['webhook-request-origin']).toBe(CLOUDEVENTS_REQUEST_ORIGIN);
    expect(attempt.response).toMatchObject({ status: 405, body: 'Method Not Allowed' });
    expect(retrying.delivery.lastError).toBe(attempt.error);
    expect(methods(endpoint.received)).toEqual(['OPTIONS']);
  });

  it('the built-in receiver refuses too when its bin is scripted to fail, and the capture shows the OPTIONS', async () => {
    const service = await startTestService();
    await service.api.setBinScript({ bin: 'ce-refusing', script: { status: 503 } });
    await service.api.createWebhook(cloudEventsWebhook('refused', `${service.info.receiverUrl}/r/ce-refusing`));
    const { deliveries } = await fire(service);
    const retrying = await waitForDelivery(service.api, deliveries[0].id, 'retrying');
    expect(retrying.attempts[0].error).toMatch(/^endpoint validation: .* answered 503 without WebHook-Allowed-Origin$/);
    expect(methods(await service.api.listCaptures({ bin: 'ce-refusing' }))).toEqual(['OPTIONS']);
  });
});

describe('the built-in receiver’s answer to the handshake', () => {
  const options = (url: string, headers: Record<string, string> = {}) => fetch(url, { method: 'OPTIONS', headers });

  it('echoes the origin with Allow: POST; a script’s headers win; without the header OPTIONS is an ordinary request', async () => {
    const service = await startTestService();
    const url = `${service.info.receiverUrl}/r/ce-handshake/events`;
    const agreed = await options(url, { 'WebHook-Request-Origin': 'events.example.com' });
    expect(agreed.status).toBe(200);
    expect(Object.fromEntries(['webhook-allowed-origin', 'webhook-allowed-rate', 'allow'].map((name) => [name, agreed.headers.get(name)]))).toEqual({
      'webhook-allowed-origin': 'events.example.com',
      'webhook-allowed-rate': '*',
      allow: 'POST',
    });

    const plain = await options(url);
    expect(plain.headers.get('webhook-allowed-origin')).toBeNull();
    expect(await plain.json()).toMatchObject({ received: true });

    await service.api.setBinScript({
      bin: 'ce-handshake',
      script: { status: 202, headers: { 'WebHook-Allowed-Origin': 'only-them.example', 'WebHook-Allowed-Rate': '60' } },
    });
    const scripted = await options(url, { 'WebHook-Request-Origin': 'events.example.com' });
    expect([scripted.status, scripted.headers.get('webhook-allowed-origin'), scripted.headers.get('webhook-allowed-rate')]).toEqual([
      200,
      'only-them.example',
      '60',
    ]);
    const captures = await service.api.listCaptures({ bin: 'ce-handshake' });
    expect(captures.map((capture) => [capture.method, capture.replyStatus])).toEqual([
      ['OPTIONS', 200],
      ['OPTIONS', 200],
      ['OPTIONS', 200],
    ]);
  });

  it('an answer naming another origin is no consent; the error says which origin came back', async () => {
    const service = await startTestService();
    await service.api.setBinScript({ bin: 'ce-other', script: { headers: { 'WebHook-Allowed-Origin': 'only-them.example' } } });
    await service.api.createWebhook(cloudEventsWebhook('other', `${service.info.receiverUrl}/r/ce-other`));
    const { deliveries } = await fire(service);
    const retrying = await waitForDelivery(service.api, deliveries[0].id, 'retrying');
    expect(retrying.attempts[0].error).toBe(
      `endpoint validation: ${service.info.receiverUrl}/r/ce-other answered 200 with WebHook-Allowed-Origin "only-them.example", not "${CLOUDEVENTS_REQUEST_ORIGIN}" or "*"`,
    );
  });
});

describe('CloudEvents response semantics', () => {
  it('410 Gone: the target is retired; the delivery fails after one try', async () => {
    const endpoint = await subscriber((_request, _index, reply) => reply.code(410).send());
    const service = await startTestService();
    await service.api.createWebhook(cloudEventsWebhook('gone', `${endpoint.url}/hooks`));
    const { deliveries } = await fire(service);
    const failed = await waitForDelivery(service.api, deliveries[0].id, 'failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.delivery.lastError).toBe('Endpoint answered HTTP 410 Gone: the target is retired; no further tries');
    expect(methods(endpoint.received)).toEqual(['OPTIONS', 'POST']);
  });

  it('429 with Retry-After: the next try waits that long, not the policy’s shorter interval (manual clock)', async () => {
    const endpoint = await subscriber((_request, postIndex, reply) =>
      postIndex === 0 ? reply.code(429).header('retry-after', '600').send() : reply.code(202).send(),
    );
    const clock = new ManualClock();
    const service = await startTestService({ clock });
    await service.api.createWebhook(cloudEventsWebhook('slow down', `${endpoint.url}/hooks`));
    const { deliveries } = await fire(service);
    const firedAt = clock.now();
    const retrying = await waitForDelivery(service.api, deliveries[0].id, 'retrying');
    // The CloudEvents default waits 1 minute before its first retry; the endpoint asked for 10.
    expect(retrying.delivery.nextAttemptAt).toBe(firedAt + 600_000);
    await waitFor(() => clock.pendingTimers() === 1, 'the retry timer');

    clock.advance(600_000 - 1);
    expect((await service.api.getDelivery({ id: deliveries[0].id })).delivery.status).toBe('retrying');
    expect(methods(endpoint.received)).toEqual(['OPTIONS', 'POST']);

    clock.advance(1);
    const done = await waitForDelivery(service.api, deliveries[0].id, 'succeeded');
    expect(done.attempts.map((attempt) => attempt.response?.status)).toEqual([429, 202]);
    expect(done.attempts[1].startedAt).toBe(firedAt + 600_000);
  });
});
