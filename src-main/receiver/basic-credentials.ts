import { sameSecret } from '../platform/same-secret.ts';

/** Basic's base64 credentials split at their first colon; null when there is no colon inside. */
export function decodeBasicCredentials(credentials: string): { user: string; password: string } | null {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Whether Basic's base64 credentials are exactly `username:password`, compared in constant time. */
export function matchesBasicCredentials(credentials: string, username: string, password: string): boolean {
  return sameSecret(Buffer.from(credentials, 'base64').toString('utf8'), `${username}:${password}`);
}
