import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { OAuth2Server, type MutableResponse, type MutableToken, type TokenRequestIncomingMessage } from 'oauth2-mock-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sentinelRetryPolicy } from '../../../../src-main/vendors/sentinel-ems/sentinel-profile.ts';
import type { AppService } from '../../../../src-main/services/app-service.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { startTestService, waitForDelivery } from '../../../fixtures/app-service.ts';
import { closedPort } from '../../../fixtures/http-endpoint.ts';
import { rejection } from '../../../fixtures/rejection.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { waitFor } from '../../../fixtures/wait-for.ts';
import { secretsInDatabase } from '../../../fixtures/data-dir-scan.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { DATABASE_FILE } from '../../../../src-main/storage/database.ts';
import { MASKED_SECRET } from '../../../../src-shared/domain/delivery.ts';
import { join } from 'node:path';

interface TokenServer {
  server: OAuth2Server;
  tokenUrl: string;
  /** Each token request as the server saw it: its form and its Authorization header. */
  requests: { form: Record<string, unknown>; authorization: string | undefined }[];
}

/** oauth2-mock-server on loopback: a real third-party token server, stopped when the test ends. */
async function startTokenServer(answer: (response: MutableResponse) => void = () => {}): Promise<TokenServer> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  onTestFinished(() => server.stop());
  const requests: TokenServer['requests'] = [];
  // Two tokens issued within one second would otherwise be the same string.
  server.service.on('beforeTokenSigning', (token: MutableToken) => {
    token.payload.jti = randomUUID();
  });
  server.service.on('beforeResponse', (response: MutableResponse, req: TokenRequestIncomingMessage) => {
    requests.push({ form: { ...req.body }, authorization: req.headers.authorization });
    answer(response);
  });
  return { server, tokenUrl: `${server.issuer.url}/token`, requests };
}

/** An oauth2 auth profile on `tokenUrl` and a Sentinel webhook using it, sending to `endpointUrl`. */
async function oauthWebhook(service: AppService, tokenUrl: string, endpointUrl: string) {
  const profile = await service.api.createAuthProfile({
    kind: 'oauth2',
    name: 'subscriber token service',
    tokenUrl,
    clientId: 'hooklab client',
    clientSecret: 's3cret&more',
    scope: 'webhooks.write',
    audience: 'https://subscriber.example',
  });
  await service.api.createWebhook({ name: 'oauth', events: ['Entitlement Added'], endpointUrl, authProfileId: profile.id });
  return profile;
}

const fire = async (service: AppService) => (await service.api.fireEvent({ eventName: 'Entitlement Added' })).deliveries[0].id;
const bearerOf = (authorization: string | string[] | undefined) => String(authorization).replace(/^Bearer /, '');

describe('OAuth 2.0 client credentials (RFC 6749 §4.4) against oauth2-mock-server', () => {
  it('fetches one token for many deliveries and sends it as Bearer; the token is the server’s', async () => {
    const tokens = await startTokenServer();
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const service = await startTestService();
    const profile = await oauthWebhook(service, tokens.tokenUrl, `${subscriber.url}/hooks`);
    expect(profile.oauth).toEqual({
      tokenUrl: tokens.tokenUrl,
      clientId: 'hooklab client',
      scope: 'webhooks.write',
      audience: 'https://subscriber.example',
      clientAuth: 'basic',
    });
    expect(JSON.stringify(await service.api.listAuthProfiles())).not.toContain('s3cret');

    const ids = await Promise.all([fire(service), fire(service), fire(service)]);
    for (const id of ids) await waitForDelivery(service.api, id, 'succeeded');

    expect(tokens.requests).toHaveLength(1);
    expect(tokens.requests[0].form).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'webhooks.write',
      audience: 'https://subscriber.example',
    });
    // Basic with the form-encoded id and secret (RFC 6749 §2.3.1).
    const basic = Buffer.from(tokens.requests[0].authorization!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(basic).toBe('hooklab+client:s3cret%26more');

    expect(subscriber.received).toHaveLength(3);
    const sent = new Set(subscriber.received.map((request) => request.headers.authorization));
    expect(sent.size).toBe(1);
    const { payload } = await jwtVerify(bearerOf([...sent][0]), createLocalJWKSet({ keys: tokens.server.issuer.keys.toJSON() }), {
      issuer: tokens.server.issuer.url!,
    });
    expect(payload.scope).toBe('webhooks.write');
  });

  it('client auth in the form body sends client_id and client_secret there, and no Authorization', async () => {
    const tokens = await startTokenServer();
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const service = await startTestService();
    const profile = await service.api.createAuthProfile({
      kind: 'oauth2',
      name: 'form auth',
      tokenUrl: tokens.tokenUrl,
      clientId: 'c1',
      clientSecret: 'pw',
      clientAuth: 'body',
    });
    await service.api.createWebhook({ name: 'oauth', events: ['Entitlement Added'], endpointUrl: subscriber.url, authProfileId: profile.id });
    await waitForDelivery(service.api, await fire(service), 'succeeded');
    expect(tokens.requests).toEqual([{ form: { grant_type: 'client_credentials', client_id: 'c1', client_secret: 'pw' }, authorization: undefined }]);
  });

  it('each try shows the token exchange behind its token, the client secret and the tokens masked, and neither is on disk', async () => {
    const tokens = await startTokenServer();
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const dataDir = tempDir();
    const service = await startTestService({ dataDir });
    const profile = await service.api.createAuthProfile({
      kind: 'oauth2',
      name: 'form auth',
      tokenUrl: tokens.tokenUrl,
      clientId: 'c1',
      clientSecret: 'form-secret-9d1e',
      scope: 'webhooks.write',
      clientAuth: 'body',
    });
    await service.api.createWebhook({ name: 'oauth', events: ['Entitlement Added'], endpointUrl: subscriber.url, authProfileId: profile.id });
    const first = await waitForDelivery(service.api, await fire(service), 'succeeded');
    const second = await waitForDelivery(service.api, await fire(service), 'succeeded');

    const exchange = first.attempts[0].tokenExchange!;
    expect(exchange.request).toMatchObject({ method: 'POST', url: tokens.tokenUrl });
    expect(exchange.request.body).toBe(`grant_type=client_credentials&scope=webhooks.write&client_id=c1&client_secret=${MASKED_SECRET}`);
    expect(exchange.response?.status).toBe(200);
    const answer = JSON.parse(exchange.response!.body) as Record<string, unknown>;
    expect(answer).toMatchObject({ access_token: MASKED_SECRET, token_type: 'Bearer', scope: 'webhooks.write' });
    expect(exchange.error).toBeNull();
    expect(exchange.requestedAt).toBeLessThanOrEqual(first.attempts[0].startedAt + first.attempts[0].durationMs);
    // The second delivery sent the cached token: it shows the same exchange, made before it started.
    expect(second.attempts[0].tokenExchange).toEqual(exchange);
    expect(exchange.requestedAt).toBeLessThanOrEqual(second.attempts[0].startedAt);

    const accessToken = bearerOf(subscriber.received[0]!.headers.authorization);
    expect(secretsInDatabase(join(dataDir, DATABASE_FILE), { accessToken, clientSecret: 'form-secret-9d1e' })).toEqual([]);
  });

  it('a refused token request is shown in the attempt: the answer that said no, with nothing posted', async () => {
    const tokens = await startTokenServer((response) => {
      response.statusCode = 401;
      response.body = { error: 'invalid_client', error_description: 'client secret does not match' };
    });
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const service = await startTestService();
    await oauthWebhook(service, tokens.tokenUrl, subscriber.url);
    const detail = await waitForDelivery(service.api, await fire(service), 'retrying', (found) => found.attempts.length === 1);
    const exchange = detail.attempts[0].tokenExchange!;
    expect(exchange.request.headers.authorization).toBe(MASKED_SECRET);
    expect(exchange.response?.status).toBe(401);
    expect(exchange.response?.body).toContain('client secret does not match');
    expect(exchange.error).toBe(`OAuth token from ${tokens.tokenUrl}: answered HTTP 401: invalid_client (client secret does not match)`);
    expect(subscriber.received).toHaveLength(0);
  });

  it('a token is reused until it expires on the engine clock, then a new one is fetched', async () => {
    const tokens = await startTokenServer((response) => {
      if (response.body) response.body.expires_in = 600;
    });
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const clock = new ManualClock();
    const service = await startTestService({ clock });
    await oauthWebhook(service, tokens.tokenUrl, subscriber.url);

    await waitForDelivery(service.api, await fire(service), 'succeeded');
    clock.advance(9 * 60_000);
    await waitForDelivery(service.api, await fire(service), 'succeeded');
    expect(tokens.requests).toHaveLength(1);

    clock.advance(60_000);
    await waitForDelivery(service.api, await fire(service), 'succeeded');
    expect(tokens.requests).toHaveLength(2);
    const [first, second, third] = subscriber.received.map((request) => request.headers.authorization);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('an endpoint answering 401 gets exactly one new token and one resend, recorded as one attempt with a note', async () => {
    const tokens = await startTokenServer();
    const subscriber = await startSubscriber((_request, index, reply) => reply.code(index === 0 ? 401 : 204).send());
    const service = await startTestService();
    await oauthWebhook(service, tokens.tokenUrl, subscriber.url);

    const done = await waitForDelivery(service.api, await fire(service), 'succeeded');
    expect(tokens.requests).toHaveLength(2);
    expect(subscriber.received).toHaveLength(2);
    const [refused, resent] = subscriber.received.map((request) => request.headers.authorization);
    expect(resent).not.toBe(refused);
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts[0]).toMatchObject({ response: { status: 204 }, error: null });
    expect(done.attempts[0].request.headers.authorization).toBe(resent);
    expect(done.attempts[0].note).toMatch(/answered HTTP 401.*new OAuth token/);
  });

  it('an endpoint that keeps answering 401 gets one refresh per try, not a loop', async () => {
    const tokens = await startTokenServer();
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(401).send());
    const service = await startTestService();
    await oauthWebhook(service, tokens.tokenUrl, subscriber.url);

    const failed = await waitForDelivery(service.api, await fire(service), 'failed');
    expect(subscriber.received).toHaveLength(2);
    expect(tokens.requests).toHaveLength(2);
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({ response: { status: 401 }, error: 'Endpoint answered HTTP 401' });
  });

  it('the webhook’s deadline covers the whole try: a token request that stalls after a 401 ends the try at that deadline', async () => {
    // The first token comes at once; the one asked for after the endpoint's 401 never does.
    const tokens = await startSubscriber((_request, index, reply) =>
      index === 0 ? reply.code(200).header('content-type', 'application/json').send({ access_token: 'first', token_type: 'Bearer' }) : new Promise(() => {}),
    );
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(401).send());
    const service = await startTestService();
    const profile = await service.api.createAuthProfile({
      kind: 'oauth2',
      name: 'stalling',
      tokenUrl: `${tokens.url}/token`,
      clientId: 'c',
      clientSecret: 's',
    });
    await service.api.createWebhook({ name: 'oauth', events: ['Entitlement Added'], endpointUrl: subscriber.url, authProfileId: profile.id, timeoutMs: 1_000 });

    const started = Date.now();
    const retrying = await waitForDelivery(service.api, await fire(service), 'retrying', (detail) => detail.attempts.length === 1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(tokens.received).toHaveLength(2);
    expect(subscriber.received).toHaveLength(1);
    expect(retrying.attempts[0]).toMatchObject({
      response: null,
      error: "no OAuth token within 1 s (the try's deadline)",
      note: expect.stringMatching(/answered HTTP 401 to the first request.*fetching a new OAuth token then failed/),
    });
  });

  it('an unreachable token URL: the attempt names it, nothing is posted, and the try is retried', async () => {
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const clock = new ManualClock();
    const service = await startTestService({ clock });
    const tokenUrl = `http://127.0.0.1:${await closedPort()}/oauth/token`;
    await oauthWebhook(service, tokenUrl, subscriber.url);

    const id = await fire(service);
    const first = await waitForDelivery(service.api, id, 'retrying', (detail) => detail.attempts.length === 1);
    expect(first.attempts[0].error).toMatch(new RegExp(`^OAuth token from ${tokenUrl.replaceAll('.', '\\.')}: could not be reached \\(ECONNREFUSED`));
    expect(first.attempts[0].response).toBeNull();
    expect(first.attempts[0].request.headers.authorization).toBeUndefined();
    expect(first.delivery.nextAttemptAt).toBe(first.attempts[0].startedAt + sentinelRetryPolicy.intervalsMs[0]);

    await waitFor(() => clock.pendingTimers() === 1, 'the retry timer');
    clock.advance(sentinelRetryPolicy.intervalsMs[0]);
    const second = await waitForDelivery(service.api, id, 'retrying', (detail) => detail.attempts.length === 2);
    expect(second.attempts[1].error).toContain(tokenUrl);
    expect(subscriber.received).toHaveLength(0);
  });

  it('creating an oauth2 profile with a token URL that is not an http(s) URL names tokenUrl', async () => {
    const service = await startTestService();
    const attempt = service.api.createAuthProfile({ kind: 'oauth2', name: 'bad', tokenUrl: 'ftp://tokens', clientId: 'c', clientSecret: 's' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'tokenUrl', message: 'must be an absolute http:// or https:// URL' }] },
    });
    expect(await service.api.listAuthProfiles()).toEqual([]);
  });

  it('an edited profile fetches a token for its new client at once; a secret left out is kept; the kind is fixed while webhooks use it', async () => {
    const tokens = await startTokenServer();
    const subscriber = await startSubscriber((_request, _index, reply) => reply.code(204).send());
    const service = await startTestService();
    const profile = await oauthWebhook(service, tokens.tokenUrl, `${subscriber.url}/hooks`);
    await waitForDelivery(service.api, await fire(service), 'succeeded');
    const { name, tokenUrl, scope, audience } = { ...profile, ...profile.oauth! };

    const edited = await service.api.updateAuthProfile({
      id: profile.id,
      profile: { kind: 'oauth2', name, tokenUrl, scope, audience, clientId: 'second client', clientSecret: null },
    });
    expect(edited).toMatchObject({ id: profile.id, hasSecret: true, oauth: { clientId: 'second client' } });
    await waitForDelivery(service.api, await fire(service), 'succeeded');
    // The cached token was the first client's: the edit fetched one for the second, with the kept secret.
    const credentials = tokens.requests.map(({ authorization }) => Buffer.from(authorization!.replace(/^Basic /, ''), 'base64').toString('utf8'));
    expect(credentials).toEqual(['hooklab+client:s3cret%26more', 'second+client:s3cret%26more']);

    const kindChange = await rejection(service.api.updateAuthProfile({ id: profile.id, profile: { kind: 'bearer', name, token: 'abc' } }));
    expect(kindChange.message).toBe('profile.kind: cannot change while 1 webhook(s) or vendor account(s) use this profile');
    expect((await service.api.listAuthProfiles()).find((each) => each.id === profile.id)).toEqual(edited);
  });
});
