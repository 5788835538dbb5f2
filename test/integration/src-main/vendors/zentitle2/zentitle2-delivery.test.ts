import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../../../src-shared/contracts/app-contract.ts';
import type { CaptureDetail } from '../../../../../src-shared/domain/capture.ts';
import { catalogEvents } from '../../../../../src-shared/vendors/catalogs.ts';
import { startTestService, waitForDelivery } from '../../../../fixtures/app-service.ts';
import { closedPort } from '../../../../fixtures/http-endpoint.ts';
import { rejection } from '../../../../fixtures/rejection.ts';
import { waitForCaptures } from '../../../../fixtures/scripted-bin.ts';

const BIN = 'zentitle2';

const bodyText = (capture: CaptureDetail) => (capture.body as { text: string }).text;

/** What a Zentitle2 integrator does: rebuild the key from the modulus alone and check the raw body. */
async function verifiedByModulus(api: AppApi, capture: CaptureDetail): Promise<boolean> {
  const { modulusBase64Url } = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
  const key = createPublicKey({ key: { kty: 'RSA', n: modulusBase64Url, e: 'AQAB' }, format: 'jwk' });
  return verify('sha256', Buffer.from(bodyText(capture)), key, Buffer.from(capture.headers['n-signature']!, 'base64'));
}

describe('Zentitle2 over real HTTP to the built-in receiver', () => {
  it('every event arrives in the spec’s envelope, signed with the account key; the receiver and node:crypto agree', async () => {
    const service = await startTestService();
    const { api } = service;
    const events = catalogEvents('zentitle2');
    await api.createWebhook({
      vendor: 'zentitle2',
      name: 'all',
      events: events.map((event) => event.name),
      endpointUrl: `${service.info.receiverUrl}/r/${BIN}`,
    });
    const { fingerprint } = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
    const fired = new Map<string, string>();
    for (const [seed, event] of events.entries()) {
      const result = await api.fireEvent({ vendor: 'zentitle2', eventName: event.name, seed });
      fired.set(result.event.id, result.event.entityId);
    }

    const captures = await waitForCaptures(api, BIN, events.length);
    for (const capture of captures) {
      const body = JSON.parse(bodyText(capture)) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['eventId', 'eventDate', 'eventCode', 'resourceId', 'callAttempt', 'payload']);
      expect(body).toMatchObject({ resourceId: fired.get(body.eventId as string), callAttempt: 1, payload: expect.any(Object) });
      expect(capture.headers['content-type']).toBe('application/json');
      expect(capture.nSignature, body.eventCode as string).toEqual({ valid: true, reason: `signed with the workspace Zentitle2 key ${fingerprint}` });
      expect(await verifiedByModulus(api, capture)).toBe(true);
    }
    expect(captures.map((capture) => JSON.parse(bodyText(capture)).eventCode).sort()).toEqual(events.map((event) => event.name).sort());
  });

  it('a retry carries callAttempt 2 and a new signature, valid for its own body', async () => {
    const service = await startTestService({ timeScale: 3600 });
    const { api } = service;
    await api.createWebhook({ vendor: 'zentitle2', name: 'z', events: ['customer.created'], endpointUrl: `${service.info.receiverUrl}/r/${BIN}` });
    await api.setBinScript({ bin: BIN, script: { failFirst: 1 } });
    const fired = await api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created' });
    const done = await waitForDelivery(api, fired.deliveries[0]!.id, 'succeeded');
    expect(done.attempts.map((attempt) => JSON.parse(attempt.request.body).callAttempt)).toEqual([1, 2]);

    const [first, retry] = await waitForCaptures(api, BIN, 2);
    expect(retry!.headers['n-signature']).not.toBe(first!.headers['n-signature']);
    expect([first!.nSignature?.valid, retry!.nSignature?.valid]).toEqual([true, true]);
    expect(await verifiedByModulus(api, retry!)).toBe(true);
  });

  it('a request signed with another key, or whose body changed, is invalid with the reason', async () => {
    const service = await startTestService();
    const { api } = service;
    const { signingKey } = await api.generateVendorKey({ vendor: 'zentitle2' });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const body = '{"eventCode":"customer.created","callAttempt":1}';
    const post = (payload: string, signature: string) =>
      fetch(`${service.info.receiverUrl}/r/${BIN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'n-signature': signature },
        body: payload,
      });
    await post(body, sign('sha256', Buffer.from(body), stranger).toString('base64'));
    await post(`${body} `, sign('sha256', Buffer.from(body), stranger).toString('base64'));
    await post(body, 'not base64!');

    const reason = `does not match the workspace Zentitle2 key ${signingKey!.fingerprint}: signed with another key, or the body changed after signing`;
    expect((await waitForCaptures(api, BIN, 3)).map((capture) => capture.nSignature)).toEqual([
      { valid: false, reason },
      { valid: false, reason },
      { valid: false, reason: 'N-Signature is not base64' },
    ]);
  });

  it('a bin given the key as a bare modulus verifies with it; a malformed key is refused naming the field, the script unchanged', async () => {
    const service = await startTestService();
    const { api } = service;
    await api.createWebhook({ vendor: 'zentitle2', name: 'z', events: ['customer.created'], endpointUrl: `${service.info.receiverUrl}/r/${BIN}` });
    const { modulusBase64Url, fingerprint } = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
    await api.setBinScript({ bin: BIN, script: { nSignatureKey: modulusBase64Url } });

    const error = await rejection(api.setBinScript({ bin: BIN, script: { status: 500, nSignatureKey: modulusBase64Url.slice(0, 40) } }));
    expect(error).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'script.nSignatureKey', message: expect.stringMatching(/^is 240 bits; Zentitle2 keys have 2048/) }] },
    });
    expect(await api.getBinScript({ bin: BIN })).toMatchObject({ status: 200, nSignatureKey: modulusBase64Url });

    await api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created' });
    const [capture] = await waitForCaptures(api, BIN, 1);
    expect(capture!.nSignature).toEqual({ valid: true, reason: `signed with the bin's key ${fingerprint}` });
  });

  it('an imported key signs what follows; a malformed, non-RSA or short key is refused naming privateKeyPem, the key unchanged', async () => {
    const service = await startTestService();
    const { api } = service;
    await api.createWebhook({ vendor: 'zentitle2', name: 'z', events: ['customer.created'], endpointUrl: `${service.info.receiverUrl}/r/${BIN}` });
    const before = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!;
    const pem = (type: 'rsa' | 'ec', options: object) =>
      generateKeyPairSync(type as 'rsa', options as { modulusLength: number }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const refused = [
      ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /^is not a PEM private key/],
      [pem('ec', { namedCurve: 'P-256' }), /^must be an RSA key, not ec$/],
      [pem('rsa', { modulusLength: 1024 }), /^must be at least 2048 bits \(this key has 1024\)$/],
    ] as const;
    for (const [privateKeyPem, message] of refused) {
      const error = await rejection(api.importVendorKey({ vendor: 'zentitle2', privateKeyPem }));
      expect(error.details).toEqual({ issues: [{ path: 'privateKeyPem', message: expect.stringMatching(message) }] });
    }
    expect((await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!.fingerprint).toBe(before.fingerprint);

    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const imported = (await api.importVendorKey({ vendor: 'zentitle2', privateKeyPem: pkcs1 })).signingKey!;
    await api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created' });
    const [capture] = await waitForCaptures(api, BIN, 1);
    expect(capture!.nSignature).toEqual({ valid: true, reason: `signed with the workspace Zentitle2 key ${imported.fingerprint}` });
  });
});

describe('Zentitle2 "Test" (seed 004: empty payload, resource id = the listener, not retried)', () => {
  it('goes to that webhook alone, whatever it subscribes to, with a null payload and its id as resource id, signed', async () => {
    const service = await startTestService();
    const { api } = service;
    const webhook = await api.createWebhook({
      vendor: 'zentitle2',
      name: 'z',
      events: ['customer.updated'],
      endpointUrl: `${service.info.receiverUrl}/r/${BIN}`,
    });
    await api.createWebhook({ vendor: 'zentitle2', name: 'other', events: ['customer.updated'], endpointUrl: `${service.info.receiverUrl}/r/other` });

    const sent = await api.sendTestEvent({ webhookId: webhook.id });
    expect(sent.deliveries.map((delivery) => delivery.webhookId)).toEqual([webhook.id]);
    expect(sent.event).toMatchObject({ eventName: 'webhook.test', entityId: webhook.id, currentState: null, previousState: null });
    await waitForDelivery(api, sent.deliveries[0]!.id, 'succeeded');

    const [capture] = await waitForCaptures(api, BIN, 1);
    expect(JSON.parse(bodyText(capture!))).toEqual({
      eventId: sent.event.id,
      eventDate: new Date(sent.event.opTime).toISOString(),
      eventCode: 'webhook.test',
      resourceId: webhook.id,
      callAttempt: 1,
      payload: null,
    });
    expect(capture!.nSignature?.valid).toBe(true);
    expect(await api.listCaptures({ bin: 'other' })).toEqual([]);
  });

  it('to a failing endpoint: exactly one attempt, then failed, where other events would retry', async () => {
    const service = await startTestService({ timeScale: 3600 });
    const { api } = service;
    const webhook = await api.createWebhook({
      vendor: 'zentitle2',
      name: 'down',
      events: ['customer.created'],
      endpointUrl: `http://127.0.0.1:${await closedPort()}/hooks`,
    });
    const sent = await api.sendTestEvent({ webhookId: webhook.id });
    const failed = await waitForDelivery(api, sent.deliveries[0]!.id, 'failed');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.delivery).toMatchObject({ attemptCount: 1, nextAttemptAt: null });

    const fired = await api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created' });
    const retrying = await waitForDelivery(api, fired.deliveries[0]!.id, 'failed');
    expect(retrying.attempts).toHaveLength(4);
  });

  it('is refused for other vendors’ webhooks and disabled ones, naming webhookId; unknown ids are not found; it cannot be fired', async () => {
    const { api } = await startTestService();
    const sentinel = await api.createWebhook({ name: 'ems', events: ['Entitlement Added'], endpointUrl: 'http://127.0.0.1:9/x' });
    expect((await rejection(api.sendTestEvent({ webhookId: sentinel.id }))).message).toBe(
      'webhookId: "ems" is a Thales Sentinel EMS webhook; only Nalpeiron Zentitle2 webhooks have a Test action',
    );
    const disabled = await api.createWebhook({
      vendor: 'zentitle2',
      name: 'off',
      events: ['customer.created'],
      endpointUrl: 'http://127.0.0.1:9/x',
      enabled: false,
    });
    expect((await rejection(api.sendTestEvent({ webhookId: disabled.id }))).message).toBe('webhookId: "off" is disabled; enable it to send a Test event');
    expect(await rejection(api.sendTestEvent({ webhookId: 'nope' }))).toMatchObject({ code: 'not_found', message: 'No webhook has id "nope"' });
    expect((await rejection(api.fireEvent({ vendor: 'zentitle2', eventName: 'webhook.test' }))).message).toBe(
      'eventName: "webhook.test" is not a zentitle2 event',
    );
    expect((await api.listDeliveries({})).deliveries).toEqual([]);
  });
});
