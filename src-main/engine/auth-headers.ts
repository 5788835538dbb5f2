import type { HttpHeaders } from '../../src-shared/domain/delivery.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { SealedAuthProfile } from '../storage/auth-profile-repository.ts';

/** The Authorization header a webhook's auth profile adds to each request. */
export function authHeaders(profile: SealedAuthProfile | null, secrets: SecretBox): HttpHeaders {
  if (!profile || profile.kind === 'none' || !profile.sealedSecret) return {};
  const secret = secrets.open(profile.sealedSecret);
  if (profile.kind === 'basic') {
    return { authorization: `Basic ${Buffer.from(`${profile.username}:${secret}`, 'utf8').toString('base64')}` };
  }
  return { authorization: `Bearer ${secret}` };
}
