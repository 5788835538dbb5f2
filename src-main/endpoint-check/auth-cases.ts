import { randomBytes } from 'node:crypto';
import type { AuthProfileKind } from '../../src-shared/domain/auth-profile.ts';
import { signAccessToken } from '../receiver/oauth-token-endpoint.ts';
import { judgeStatus, type CheckCase } from './check-case.ts';
import { withHeaders, type CheckSession, type CheckTarget } from './check-session.ts';

const UNAUTHORIZED = 'HTTP 401';

function needsKind(...kinds: AuthProfileKind[]) {
  return (target: CheckTarget): string | null => {
    const kind = target.auth?.kind ?? 'none';
    if (kinds.includes(kind)) return null;
    return kind === 'none' ? 'the webhook sends no credentials' : `the webhook's credentials are ${kind}, not ${kinds.join(' or ')}`;
  };
}

/** Expired and wrong-audience tokens need the token service's key: Hooklab has only its own. */
function hooklabTokens(target: CheckTarget): string | null {
  const skip = needsKind('oauth2')(target);
  if (skip) return skip;
  const tokenUrl = target.auth!.oauth!.tokenUrl;
  return tokenUrl === target.hooklabTokenUrl ? null : `tokens come from ${tokenUrl}, not Hooklab's token endpoint, the only one whose key Hooklab holds`;
}

/** A token as the profile's would be, but signed with `key`, issued `ageSeconds` ago and for `audience`. */
async function bearerToken(session: CheckSession, key: Uint8Array, changes: { ageSeconds?: number; audience?: string } = {}): Promise<Record<string, string>> {
  const oauth = session.target.auth!.oauth!;
  const token = await signAccessToken(key, {
    issuer: session.deps.receiverTokens.issuer(),
    clientId: oauth.clientId,
    scope: oauth.scope,
    audience: changes.audience ?? oauth.audience,
    issuedAt: Math.floor(session.now() / 1000) - (changes.ageSeconds ?? 0),
  });
  return { authorization: `Bearer ${token}` };
}

/** The webhook's own profile with another secret: the same scheme and user, a wrong password or token. */
async function withWrongSecret(session: CheckSession) {
  const auth = session.target.auth!;
  const wrong = { ...auth, sealedSecret: session.deps.secrets.seal(`not-the-secret-${randomBytes(8).toString('hex')}`) };
  return session.send(await session.authorized(session.unauthorized(session.event()), wrong));
}

const TWO_HOURS_SECONDS = 2 * 3600;

export const authCases: CheckCase[] = [
  {
    id: 'auth.missing',
    family: 'auth',
    title: 'A request without Authorization gets 401',
    required: true,
    expected: UNAUTHORIZED,
    why: 'An endpoint that takes unauthenticated posts takes them from anyone.',
    skipReason: needsKind('basic', 'bearer', 'oauth2'),
    async run(session) {
      return judgeStatus(await session.send(session.unauthorized(session.event())), 401);
    },
  },
  {
    id: 'auth.basic-wrong-password',
    family: 'auth',
    title: 'Basic credentials with a wrong password get 401',
    required: true,
    expected: UNAUTHORIZED,
    why: 'A receiver that checks only that credentials are present accepts any password.',
    skipReason: needsKind('basic'),
    run: async (session) => judgeStatus(await withWrongSecret(session), 401),
  },
  {
    id: 'auth.bearer-wrong-token',
    family: 'auth',
    title: 'A wrong static Bearer token gets 401',
    required: true,
    expected: UNAUTHORIZED,
    why: 'A receiver that checks only that a token is present accepts any token.',
    skipReason: needsKind('bearer'),
    run: async (session) => judgeStatus(await withWrongSecret(session), 401),
  },
  {
    id: 'auth.oauth-unknown-token',
    family: 'auth',
    title: 'A token from an unknown issuer key gets 401',
    required: true,
    expected: UNAUTHORIZED,
    why: "A JWT whose signature is not checked against the token service's key can be made by anyone.",
    skipReason: needsKind('oauth2'),
    async run(session) {
      const request = session.unauthorized(session.event());
      return judgeStatus(await session.send(withHeaders(request, await bearerToken(session, randomBytes(32)))), 401);
    },
  },
  {
    id: 'auth.oauth-expired-token',
    family: 'auth',
    title: "An expired token from Hooklab's token endpoint gets 401",
    required: true,
    expected: UNAUTHORIZED,
    why: 'A leaked token must stop working when it expires.',
    skipReason: hooklabTokens,
    async run(session) {
      const request = session.unauthorized(session.event());
      const expired = await bearerToken(session, session.deps.receiverTokens.key, { ageSeconds: TWO_HOURS_SECONDS });
      return judgeStatus(await session.send(withHeaders(request, expired)), 401);
    },
  },
  {
    id: 'auth.oauth-wrong-audience',
    family: 'auth',
    title: 'A token for another audience gets 401',
    required: true,
    expected: UNAUTHORIZED,
    why: 'A token issued for another API must not open this one.',
    skipReason: hooklabTokens,
    async run(session) {
      const request = session.unauthorized(session.event());
      const elsewhere = await bearerToken(session, session.deps.receiverTokens.key, { audience: 'https://another-api.example/' });
      return judgeStatus(await session.send(withHeaders(request, elsewhere)), 401);
    },
  },
];
