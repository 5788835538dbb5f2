import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import type { AuthProfileInput } from '../../../../src-shared/domain/auth-profile.ts';
import type { ExpectedAuth } from '../../../../src-shared/domain/bin-script.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { basicAuthorization } from '../../../fixtures/basic-auth.ts';

/** A bin expecting `expectedAuth`, a Sentinel webhook to it with `profile`, one event delivered; returns the capture's check. */
async function deliverWith(service: AppService, expectedAuth: ExpectedAuth, profile: AuthProfileInput | null) {
  const bin = 'guarded';
  await service.api.setBinScript({ bin, script: { expectedAuth } });
  const authProfileId = profile ? (await service.api.createAuthProfile(profile)).id : undefined;
  await service.api.createWebhook({ name: 'guarded', events: ['Entitlement Added'], endpointUrl: `${service.info.receiverUrl}/r/${bin}`, authProfileId });
  const fired = await service.api.fireEvent({ eventName: 'Entitlement Added' });
  await waitForDelivery(service.api, fired.deliveries[0].id, 'succeeded');
  const [capture] = await service.api.listCaptures({ bin });
  return capture.auth;
}

async function sendToBin(service: AppService, expectedAuth: ExpectedAuth, authorization?: string) {
  await service.api.setBinScript({ bin: 'direct', script: { expectedAuth } });
  const response = await fetch(`${service.info.receiverUrl}/r/direct`, {
    method: 'POST',
    headers: authorization ? { authorization } : {},
    body: '{}',
  });
  expect(response.status).toBe(200);
  return (await service.api.listCaptures({ bin: 'direct' }))[0].auth;
}

async function issuedToken(service: AppService, name = 'ci') {
  const { client, clientSecret } = await service.api.createReceiverClient({ name });
  const response = await fetch(client.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret }),
  });
  return { client, token: ((await response.json()) as { access_token: string }).access_token };
}

describe('receiver auth checks, end to end through the engine', () => {
  it('an oauth2 profile on the built-in token endpoint: the bin expecting issued tokens names the client', async () => {
    const service = await startTestService();
    const { client, clientSecret } = await service.api.createReceiverClient({ name: 'staging sender' });
    const auth = await deliverWith(
      service,
      { kind: 'issued-token' },
      {
        kind: 'oauth2',
        name: 'built-in receiver',
        tokenUrl: client.tokenUrl,
        clientId: client.clientId,
        clientSecret,
      },
    );
    expect(auth).toEqual({ valid: true, reason: `token issued to staging sender (client_id ${client.clientId})` });
  });

  it('Basic: the right password passes as the user, a wrong one fails naming the user', async () => {
    const good = await startTestService();
    expect(
      await deliverWith(
        good,
        { kind: 'basic', username: 'alice', password: 'open sesame' },
        { kind: 'basic', name: 'alice', username: 'alice', password: 'open sesame' },
      ),
    ).toEqual({
      valid: true,
      reason: 'Basic as alice',
    });
    const bad = await startTestService();
    expect(
      await deliverWith(
        bad,
        { kind: 'basic', username: 'alice', password: 'open sesame' },
        { kind: 'basic', name: 'alice', username: 'alice', password: 'guess' },
      ),
    ).toEqual({
      valid: false,
      reason: 'wrong password for alice',
    });
    expect(await sendToBin(bad, { kind: 'basic', username: 'alice', password: 'x' }, basicAuthorization('bob', 'x'))).toEqual({
      valid: false,
      reason: 'wrong user: got bob, expected alice',
    });
  });

  it('static Bearer, missing and wrong-scheme headers, and bins expecting nothing', async () => {
    const service = await startTestService();
    expect(await sendToBin(service, { kind: 'bearer', token: 'tok-1' }, 'Bearer tok-1')).toEqual({ valid: true, reason: 'Bearer token matches' });
    expect(await sendToBin(service, { kind: 'bearer', token: 'tok-1' }, 'Bearer tok-2')).toEqual({ valid: false, reason: 'wrong Bearer token' });
    expect(await sendToBin(service, { kind: 'bearer', token: 'tok-1' })).toEqual({ valid: false, reason: 'missing Authorization header' });
    expect(await sendToBin(service, { kind: 'issued-token' }, 'Basic YTpi')).toEqual({ valid: false, reason: 'expected Bearer credentials, got Basic' });
    expect(await sendToBin(service, { kind: 'none' }, 'Bearer anything')).toBeNull();
  });

  it('issued tokens: expiry on the engine clock, foreign signatures, deleted clients', async () => {
    const clock = new ManualClock();
    const service = await startTestService({ clock });
    const { client, token } = await issuedToken(service);
    expect(await sendToBin(service, { kind: 'issued-token' }, `Bearer ${token}`)).toMatchObject({ valid: true });

    clock.advance((3600 + 12) * 1000);
    expect(await sendToBin(service, { kind: 'issued-token' }, `Bearer ${token}`)).toEqual({ valid: false, reason: 'token expired 12 s ago' });

    const now = Math.floor(clock.now() / 1000);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(service.info.receiverUrl)
      .setSubject(client.clientId)
      .setExpirationTime(now + 60)
      .sign(randomBytes(32));
    expect(await sendToBin(service, { kind: 'issued-token' }, `Bearer ${forged}`)).toEqual({
      valid: false,
      reason: 'token signature does not match: not issued by this receiver',
    });
    expect(await sendToBin(service, { kind: 'issued-token' }, 'Bearer not-a-jwt')).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/^not a token of this receiver/),
    });

    const fresh = await issuedToken(service, 'temporary');
    await service.api.deleteReceiverClient({ id: fresh.client.id });
    expect(await sendToBin(service, { kind: 'issued-token' }, `Bearer ${fresh.token}`)).toEqual({
      valid: false,
      reason: `token issued to client_id ${fresh.client.clientId}, which has been deleted`,
    });
  });
});

describe('a CloudEvents validation handshake is not a delivery', () => {
  it('an OPTIONS naming its origin is answered and captured without an auth verdict; a plain OPTIONS is checked like any request', async () => {
    const service = await startTestService();
    await service.api.setBinScript({ bin: 'guarded', script: { expectedAuth: { kind: 'issued-token' } } });
    const url = `${service.info.receiverUrl}/r/guarded`;
    const handshake = await fetch(url, { method: 'OPTIONS', headers: { 'webhook-request-origin': 'hooklab.local' } });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('webhook-allowed-origin')).toBe('hooklab.local');
    await fetch(url, { method: 'OPTIONS' });
    const [plain, validation] = await service.api.listCaptures({ bin: 'guarded' });
    expect(validation).toMatchObject({ method: 'OPTIONS', auth: null });
    expect(plain).toMatchObject({ method: 'OPTIONS', auth: { valid: false } });
  });
});
