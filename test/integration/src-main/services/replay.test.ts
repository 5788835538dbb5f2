import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AppApi } from '../../../../src-shared/contracts/app-contract.ts';
import type { CaptureDetail } from '../../../../src-shared/domain/capture.ts';
import type { ReplayProgress } from '../../../../src-shared/domain/replay.ts';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { startEndpoint, type TestEndpoint } from '../../../fixtures/http-endpoint.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { waitForCaptures } from '../../../fixtures/scripted-bin.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';

const bodyText = (capture: CaptureDetail) => (capture.body as { text: string }).text;

const verifiesWith = (pem: string, body: string | Buffer, signature: string) =>
  verify('sha256', Buffer.from(body), createPublicKey(pem), Buffer.from(signature, 'base64'));

/** A Zentitle2 delivery as the built-in receiver captured it (bin "original"), and the key that signed it. */
async function capturedZentitle2(service: AppService): Promise<{ capture: CaptureDetail; signedWith: string }> {
  const { api } = service;
  await api.createWebhook({ vendor: 'zentitle2', name: 'source', events: ['customer.created'], endpointUrl: `${service.info.receiverUrl}/r/original` });
  await api.fireEvent({ vendor: 'zentitle2', eventName: 'customer.created', seed: 7 });
  const [capture] = await waitForCaptures(api, 'original', 1);
  const signedWith = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!.pem;
  return { capture: capture!, signedWith };
}

async function endpoint(): Promise<TestEndpoint> {
  const started = await startEndpoint(() => ({ ok: true }));
  onTestFinished(() => started.close());
  return started;
}

async function replayTarget(service: AppService, bin: string): Promise<string> {
  const webhook = await service.api.createWebhook({
    vendor: 'zentitle2',
    name: `to ${bin}`,
    events: ['customer.created'],
    endpointUrl: `${service.info.receiverUrl}/r/${bin}`,
  });
  return webhook.id;
}

describe('replaying captures and attempts', () => {
  it('resign: a captured Zentitle2 request, sent by a webhook after a new key, verifies against the new key only', async () => {
    const service = await startTestService();
    const { api } = service;
    const { capture, signedWith } = await capturedZentitle2(service);
    const newKey = (await api.generateVendorKey({ vendor: 'zentitle2' })).signingKey!.pem;
    const webhookId = await replayTarget(service, 'replayed');

    const { event, delivery } = await api.replay({ source: { kind: 'capture', id: capture.id }, target: { kind: 'webhook', webhookId }, mode: 'resign' });
    expect(event).toMatchObject({ origin: 'replay', vendor: 'zentitle2', replay: { source: { kind: 'capture', id: capture.id }, mode: 'resign' } });
    // Titled by the capture it came from, so Deliveries tells replays of different captures apart.
    expect(delivery.eventName).toBe('Replay of POST /r/original');
    const done = await waitForDelivery(api, delivery.id, 'succeeded');
    expect(done.event.replay?.source).toEqual({ kind: 'capture', id: capture.id });

    const [replayed] = await waitForCaptures(api, 'replayed', 1);
    expect(bodyText(replayed!)).toBe(bodyText(capture));
    const signature = replayed!.headers['n-signature']!;
    expect(signature).not.toBe(capture.headers['n-signature']);
    expect(verifiesWith(newKey, bodyText(replayed!), signature)).toBe(true);
    expect(verifiesWith(signedWith, bodyText(replayed!), signature)).toBe(false);
    expect(replayed!.nSignature?.valid).toBe(true);
  });

  it('resign with an edited body: the edited body is sent and signed afresh', async () => {
    const service = await startTestService();
    const { api } = service;
    const { capture } = await capturedZentitle2(service);
    const webhookId = await replayTarget(service, 'edited');
    const edited = bodyText(capture).replace('"callAttempt":1', '"callAttempt":9');
    expect(edited).not.toBe(bodyText(capture));

    const { delivery } = await api.replay({
      source: { kind: 'capture', id: capture.id },
      target: { kind: 'webhook', webhookId },
      mode: 'resign',
      body: edited,
    });
    await waitForDelivery(api, delivery.id, 'succeeded');
    const [replayed] = await waitForCaptures(api, 'edited', 1);
    const key = (await api.getVendorAccount({ vendor: 'zentitle2' })).signingKey!.pem;
    expect(bodyText(replayed!)).toBe(edited);
    expect(verifiesWith(key, edited, replayed!.headers['n-signature']!)).toBe(true);
  });

  it('exact: a capture and an attempt arrive at a URL with the same body and N-Signature, once each', async () => {
    const service = await startTestService();
    const { api } = service;
    const { capture } = await capturedZentitle2(service);
    // The key changes: an exact replay still carries the original signature.
    await api.generateVendorKey({ vendor: 'zentitle2' });
    const target = await endpoint();
    const [source] = (await api.listDeliveries()).deliveries;
    const [attempt] = (await api.getDelivery({ id: source!.id })).attempts;

    const fromCapture = await api.replay({ source: { kind: 'capture', id: capture.id }, target: { kind: 'url', url: `${target.url}/a` }, mode: 'exact' });
    const fromAttempt = await api.replay({ source: { kind: 'attempt', id: attempt!.id }, target: { kind: 'url', url: `${target.url}/b` } });
    for (const { delivery } of [fromCapture, fromAttempt]) {
      const done = await waitForDelivery(api, delivery.id, 'succeeded');
      expect(done.attempts).toHaveLength(1);
      expect(done.delivery.webhookId).toBe('');
    }

    expect(target.received.map((request) => request.url)).toEqual(['/a', '/b']);
    for (const request of target.received) {
      expect(request.body.toString('utf8')).toBe(bodyText(capture));
      expect(request.headers['n-signature']).toBe(capture.headers['n-signature']);
      expect(request.headers['content-type']).toBe(capture.headers['content-type']);
    }
  });

  it('bulk: 20 captures replayed at a rate limit arrive 20 times, with progress and a summary; a binary one is skipped', async () => {
    const service = await startTestService();
    const { api } = service;
    const bin = `${service.info.receiverUrl}/r/many`;
    for (let n = 0; n < 20; n += 1) {
      await fetch(bin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
    }
    await fetch(bin, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0xff, 0xfe, 0x00]) });
    const captures = await api.listCaptures({ bin: 'many' });
    const binary = captures.find((capture) => capture.contentType === 'application/octet-stream')!;
    const target = await endpoint();
    const progress: ReplayProgress[] = [];
    const unsubscribe = api.onReplayProgress((event) => progress.push(event));

    const result = await api.replayCaptures({ bin: 'many', target: { kind: 'url', url: target.url }, mode: 'exact', ratePerSecond: 50, operationId: 'op-1' });
    unsubscribe();

    expect(result).toEqual({
      operationId: 'op-1',
      sent: 20,
      deliveryIds: expect.any(Array),
      failed: [],
      skipped: [{ captureId: binary.id, reason: `capture "${binary.id}" has a binary body; only text bodies can be replayed` }],
      notSent: 0,
    });
    expect(progress.map((event) => [event.operationId, event.done, event.total])).toEqual(Array.from({ length: 21 }, (_, index) => ['op-1', index + 1, 21]));
    await waitFor(() => target.received.length === 20, '20 replays to arrive');
    expect(target.received.map((request) => JSON.parse(request.body.toString()).n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('bulk: a stopped replay sends no more captures; those sent stay sent', async () => {
    const service = await startTestService();
    const { api } = service;
    for (let n = 0; n < 10; n += 1) await fetch(`${service.info.receiverUrl}/r/slow`, { method: 'POST', body: JSON.stringify({ n }) });
    const target = await endpoint();
    let stop: Promise<unknown> | undefined;
    api.onReplayProgress((event) => {
      if (event.done === 2) stop ??= api.stopReplayCaptures({ operationId: 'op-stop' });
    });

    const result = await api.replayCaptures({ bin: 'slow', target: { kind: 'url', url: target.url }, mode: 'exact', ratePerSecond: 5, operationId: 'op-stop' });
    await expect(stop).resolves.toEqual({ operationId: 'op-stop' });
    expect(result.sent + result.notSent).toBe(10);
    expect(result.sent).toBeLessThan(10);
    await waitFor(() => target.received.length === result.sent, 'the replays sent before the stop');
    const stoppedAgain = await api.stopReplayCaptures({ operationId: 'op-stop' }).catch((error: unknown) => error);
    expect(stoppedAgain).toMatchObject({ code: 'not_found', message: 'No bulk replay "op-stop" is under way' });
  });

  it('bad input names the field and queues nothing', async () => {
    const service = await startTestService();
    const { api } = service;
    const { capture } = await capturedZentitle2(service);
    const before = (await api.listDeliveries()).total;
    const source = { kind: 'capture', id: capture.id } as const;
    const messages = async (input: Parameters<AppApi['replay']>[0]) => (await rejection(api.replay(input))).message;

    expect(await messages({ source: { kind: 'capture', id: 'nope' }, target: { kind: 'url', url: 'http://127.0.0.1:1/' } })).toBe(
      'source.id: no capture has id "nope"',
    );
    expect(await messages({ source: { kind: 'attempt', id: 'nope' }, target: { kind: 'url', url: 'http://127.0.0.1:1/' } })).toBe(
      'source.id: no attempt has id "nope"',
    );
    expect(await messages({ source, target: { kind: 'url', url: 'ftp://example' } })).toBe('target.url: must be an absolute http:// or https:// URL');
    expect(await messages({ source, target: { kind: 'webhook', webhookId: 'nope' }, mode: 'resign' })).toBe('target.webhookId: no webhook has id "nope"');
    expect(await messages({ source, target: { kind: 'url', url: 'http://127.0.0.1:1/' }, mode: 'resign' })).toBe(
      'target: resign mode needs a target webhook (its keys and auth sign the replay)',
    );
    expect(await messages({ source, target: { kind: 'url', url: 'http://127.0.0.1:1/' }, body: '{}' })).toBe(
      'body: an edited body is only sent in resign mode (exact mode sends what was captured)',
    );
    const webhookId = await replayTarget(service, 'never');
    expect(await messages({ source, target: { kind: 'webhook', webhookId }, mode: 'resign', body: '{"licenseId": ' })).toMatch(/^body: must be valid JSON: .+/);
    expect((await rejection(api.replayCaptures({ bin: 'original', target: { kind: 'webhook', webhookId: 'nope' } }))).message).toBe(
      'target.webhookId: no webhook has id "nope"',
    );
    expect((await api.listDeliveries()).total).toBe(before);
  });
});
