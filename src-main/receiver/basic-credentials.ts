/** Basic's base64 credentials split at their first colon; null when there is no colon inside. */
export function decodeBasicCredentials(credentials: string): { user: string; password: string } | null {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
