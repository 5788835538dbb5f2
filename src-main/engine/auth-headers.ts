import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { SealedAuthProfile } from '../storage/auth-profile-repository.ts';
import type { OAuthTokenCache } from './oauth-token-cache.ts';

export interface AuthSources {
  secrets: SecretBox;
  tokens: OAuthTokenCache;
}

/**
 * The Authorization header a webhook's auth profile adds to each request. For OAuth 2.0,
 * `rejectedToken` is a token the endpoint just refused (401): a new one is fetched instead of
 * the cached one. Rejects with an OAuthTokenError when no token can be had.
 */
export async function authHeaders(profile: SealedAuthProfile | null, sources: AuthSources, rejectedToken?: string): Promise<HttpHeaders> {
  if (!profile || profile.kind === 'none') return {};
  if (profile.kind === 'oauth2') {
    const token = rejectedToken ? await sources.tokens.refresh(profile, rejectedToken) : await sources.tokens.token(profile);
    return { authorization: `Bearer ${token}` };
  }
  if (!profile.sealedSecret) return {};
  const secret = sources.secrets.open(profile.sealedSecret);
  if (profile.kind === 'basic') {
    return { authorization: `Basic ${Buffer.from(`${profile.username}:${secret}`, 'utf8').toString('base64')}` };
  }
  return { authorization: `Bearer ${secret}` };
}
