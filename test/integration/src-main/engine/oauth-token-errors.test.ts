import { describe, expect, it, onTestFinished } from 'vitest';
import { HttpSender } from '../../../../src-main/engine/http-sender.ts';
import { OAuthTokenCache, OAuthTokenError } from '../../../../src-main/engine/oauth-token-cache.ts';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import type { SealedAuthProfile } from '../../../../src-main/storage/auth-profile-repository.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';
import { startSubscriber } from '../../../fixtures/subscriber-endpoint.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';
import { hangingEndpoint } from '../../../fixtures/hostile-endpoint.ts';

/** A token server on loopback that answers every request with `status` and `body`, and a cache pointed at it. */
async function cacheAgainst(status: number, body: string) {
  const server = await startSubscriber((_request, _index, reply) => reply.code(status).header('content-type', 'application/json').send(body));
  return { server, ...cacheFor(`${server.url}/token`, 5_000) };
}

/** A cache fetching its tokens from `tokenUrl`, under a deadline of `timeoutMs` per token request. */
function cacheFor(tokenUrl: string, timeoutMs: number) {
  const secrets = createKeyFileSecretBox(tempDir());
  const clock = new ManualClock();
  const sender = new HttpSender({ timeoutMs, connectionsPerOrigin: 4 });
  onTestFinished(() => sender.close());
  const cache = new OAuthTokenCache({ secrets, clock, sender });
  const profile: SealedAuthProfile = {
    id: 'p1',
    name: 'subscriber',
    kind: 'oauth2',
    username: null,
    oauth: { tokenUrl, clientId: 'c', scope: '', audience: '', clientAuth: 'basic' },
    hasSecret: true,
    createdAt: 0,
    sealedSecret: secrets.seal('s'),
  };
  return { cache, profile, tokenUrl, clock };
}

describe('token errors name the token URL and the problem', () => {
  it.each([
    [400, '{"error":"invalid_client","error_description":"unknown client"}', 'answered HTTP 400: invalid_client (unknown client)'],
    [503, 'down for maintenance', 'answered HTTP 503'],
    [200, '<html>login</html>', 'answered with a body that is not a JSON object'],
    [200, '{"token_type":"Bearer","expires_in":60}', 'answered without an access_token'],
    [200, '{"access_token":"t","token_type":"mac"}', 'answered token_type "mac", not Bearer'],
    [200, '{"access_token":"t"}', 'answered token_type null, not Bearer'],
  ])('HTTP %i %s → %s', async (status, body, problem) => {
    const { cache, profile, tokenUrl } = await cacheAgainst(status, body);
    const error = await cache.token(profile).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthTokenError);
    expect((error as Error).message).toBe(`OAuth token from ${tokenUrl}: ${problem}`);
  });
});

describe('a token server that never answers', () => {
  it('fails the token request at the sender’s deadline, naming it', async () => {
    const server = await hangingEndpoint();
    onTestFinished(() => server.close());
    const { cache, profile, tokenUrl } = cacheFor(`${server.url}/token`, 1_000);
    const started = Date.now();
    const error = await cache.token(profile).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthTokenError);
    expect((error as Error).message).toBe(`OAuth token from ${tokenUrl}: could not be reached (no complete answer within 1 s)`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('caching', () => {
  it('tries that need a token at once share one token request; token_type is case-insensitive', async () => {
    const { server, cache, profile } = await cacheAgainst(200, '{"access_token":"abc","token_type":"bearer","expires_in":"3600"}');
    const tokens = await Promise.all([cache.token(profile), cache.token(profile), cache.token(profile)]);
    expect(tokens).toEqual(['abc', 'abc', 'abc']);
    expect(server.received).toHaveLength(1);
  });

  it('without expires_in the token is kept until an endpoint refuses it; a refresh for an already replaced token reuses the new one', async () => {
    const { server, cache, profile, clock } = await cacheAgainst(200, '{"access_token":"abc","token_type":"Bearer"}');
    await cache.token(profile);
    clock.advance(365 * 24 * 3600_000);
    await cache.token(profile);
    expect(server.received).toHaveLength(1);
    await cache.refresh(profile, 'abc');
    expect(server.received).toHaveLength(2);
    await cache.refresh(profile, 'an older token');
    expect(server.received).toHaveLength(2);
  });
});
