import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import type { DeliveryDetail } from '../../../../src-shared/domain/delivery.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { basicAuthorization } from '../../../fixtures/basic-auth.ts';
import { hasStringsTool, secretsInDatabase, secretsOnDisk, stringsOf } from '../../../fixtures/data-dir-scan.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

const unique = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;
const EVENT = 'Entitlement Added';
/** CloudEvents is the vendor that delivers with a static Bearer token. */
const CLOUD_EVENT = 'com.hooklab.licensing.seat.activated';

describe('credentials at rest: sealed in every file of the data directory, shown as sent by the API', () => {
  it('Basic, static Bearer, OAuth, bins expecting them and a signing secret, cookies, API keys, an imported capture, an exact replay and an endpoint check', async () => {
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const { api } = service;
    const bin = (name: string) => `${service.info.receiverUrl}/r/${name}`;
    const password = unique('pw');
    const bearer = unique('tok');
    const cookie = unique('sid');
    const requestCookie = unique('jar');
    const apiKey = unique('key');
    const importedToken = unique('imp');
    const binCookie = unique('bin');

    const basicProfile = await api.createAuthProfile({ kind: 'basic', name: 'basic', username: 'alice', password });
    const basicHook = await api.createWebhook({ name: 'basic', events: [EVENT], endpointUrl: bin('basic'), authProfileId: basicProfile.id });
    const { secret: signingSecret } = await api.addSigningSecret({ webhookId: basicHook.id });
    await api.setBinScript({
      bin: 'basic',
      script: {
        expectedAuth: { kind: 'basic', username: 'alice', password },
        signingSecrets: [signingSecret],
        headers: { 'set-cookie': `bin=${binCookie}` },
      },
    });

    const bearerProfile = await api.createAuthProfile({ kind: 'bearer', name: 'bearer', token: bearer });
    await api.createWebhook({ vendor: 'cloudevents', name: 'bearer', events: [CLOUD_EVENT], endpointUrl: bin('bearer'), authProfileId: bearerProfile.id });
    await api.setBinScript({ bin: 'bearer', script: { expectedAuth: { kind: 'bearer', token: bearer } } });

    const { client, clientSecret } = await api.createReceiverClient({ name: 'ci' });
    const oauthProfile = await api.createAuthProfile({ kind: 'oauth2', name: 'oauth', tokenUrl: client.tokenUrl, clientId: client.clientId, clientSecret });
    await api.createWebhook({ name: 'oauth', events: [EVENT], endpointUrl: bin('oauth'), authProfileId: oauthProfile.id });
    await api.setBinScript({ bin: 'oauth', script: { expectedAuth: { kind: 'issued-token' } } });

    const subscriber = await startSubscriber((_request, _index, reply) => reply.header('set-cookie', `session=${cookie}; HttpOnly`).send('ok'));
    await api.createWebhook({ name: 'cookies', events: [EVENT], endpointUrl: `${subscriber.url}/hooks` });

    const fired = [await api.fireEvent({ eventName: EVENT }), await api.fireEvent({ vendor: 'cloudevents', eventName: CLOUD_EVENT })];
    const delivered = new Map<string, DeliveryDetail>();
    for (const { id, webhookName } of fired.flatMap((result) => result.deliveries)) {
      delivered.set(webhookName, await waitForDelivery(api, id, 'succeeded'));
    }
    expect([...delivered.keys()].sort()).toEqual(['basic', 'bearer', 'cookies', 'oauth']);
    const sent = (webhook: string) => delivered.get(webhook)!.attempts[0];

    const direct = await fetch(bin('direct'), { method: 'POST', headers: { cookie: `jar=${requestCookie}`, 'x-api-key': apiKey }, body: '{}' });
    expect(direct.status).toBe(200);
    const imported = await api.importCaptures({
      text: `curl -X POST ${bin('elsewhere')} -H 'Authorization: Bearer ${importedToken}' -d '{}'`,
      bin: 'imported',
    });
    const [basicCapture] = await api.listCaptures({ bin: 'basic' });
    const replayed = await api.replay({ source: { kind: 'capture', id: basicCapture.id }, target: { kind: 'url', url: bin('replayed') } });
    const replayDetail = await waitForDelivery(api, replayed.delivery.id, 'succeeded');
    const check = await api.runEndpointCheck({ url: bin('checked'), vendor: 'sentinel-ems', webhook: 'basic' });

    // What the inspector shows is what went over the wire.
    const basicHeader = basicAuthorization('alice', password);
    expect(sent('basic').request.headers.authorization).toBe(basicHeader);
    expect(sent('bearer').request.headers.authorization).toBe(`Bearer ${bearer}`);
    const accessToken = sent('oauth').request.headers.authorization.replace(/^Bearer /, '');
    expect(accessToken).toMatch(/^ey/);
    expect(sent('cookies').response!.headers['set-cookie']).toContain(`session=${cookie}`);
    expect(sent('basic').response!.headers['set-cookie']).toBe(`bin=${binCookie}`);
    expect(sent('basic').request.headers['webhook-signature']).toMatch(/^v1,/);
    const basicDetail = await api.getCapture({ id: basicCapture.id });
    expect(basicDetail.headers.authorization).toBe(basicHeader);
    // The bins' sealed expectations still check: right password, right token, right signing secret.
    expect(basicDetail.auth).toEqual({ valid: true, reason: 'Basic as alice' });
    expect(basicDetail.signature?.valid).toBe(true);
    expect((await api.listCaptures({ bin: 'bearer' }))[0].auth).toEqual({ valid: true, reason: 'Bearer token matches' });
    expect((await api.listCaptures({ bin: 'oauth' }))[0].auth?.valid).toBe(true);
    const [directCapture] = await api.listCaptures({ bin: 'direct' });
    expect((await api.getCapture({ id: directCapture.id })).headers).toMatchObject({ cookie: `jar=${requestCookie}`, 'x-api-key': apiKey });
    expect((await api.getCapture({ id: imported.captures[0].id })).headers.authorization).toBe(`Bearer ${importedToken}`);
    expect(replayDetail.event.replay?.request.headers.authorization).toBe(basicHeader);
    expect(replayDetail.attempts[0].request.headers.authorization).toBe(basicHeader);
    const checkedDelivery = (await api.getEndpointCheckRun({ id: check.id })).cases.find((result) => result.caseId === 'delivery.valid')!;
    expect(checkedDelivery.exchanges[0].request.headers.authorization).toBe(basicHeader);
    expect(await api.getBinScript({ bin: 'basic' })).toMatchObject({
      expectedAuth: { kind: 'basic', username: 'alice', password },
      signingSecrets: [signingSecret],
      headers: { 'set-cookie': `bin=${binCookie}` },
    });
    await service.close();

    const secrets = {
      password,
      'Basic user:password': `alice:${password}`,
      bearer,
      clientSecret,
      accessToken,
      signingSecret: signingSecret.replace(/^whsec_/, ''),
      cookie,
      requestCookie,
      apiKey,
      importedToken,
      binCookie,
    };
    expect(secretsOnDisk(dataDir, secrets)).toEqual([]);
    if (hasStringsTool()) {
      const text = stringsOf(dataDir);
      expect(
        Object.entries(secrets)
          .filter(([, secret]) => text.includes(secret))
          .map(([name]) => name),
      ).toEqual([]);
    }
    expect(secretsInDatabase(join(dataDir, DATABASE_FILE), secrets)).toEqual([]);
  });
});
