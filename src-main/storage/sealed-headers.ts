import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { SecretBox } from '../platform/secret-box.ts';

/**
 * Headers whose values are credentials: Authorization and Proxy-Authorization, cookies, and any
 * name that says it carries a token, secret, password, API key, credential or session. Signature
 * headers (webhook-signature, N-Signature) are proofs made with a secret, not the secret: plain.
 */
const CREDENTIAL_HEADER = /^(?:proxy-)?authorization$|^(?:set-)?cookie$|token|secret|passw|api[-_]?key|credential|session/i;

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name);
}

/** Stands in the plain column for a value kept in the sealed one, so the headers keep their order. */
const SEALED_VALUE = '(sealed)';

/** Headers as stored: credential values replaced by a stand-in, and sealed together (null when none). */
export interface StoredHeaders {
  headers: HttpHeaders;
  sealed: Buffer | null;
}

/** Headers without credentials (the common case) are returned as they are, not copied. */
export function sealHeaders(headers: HttpHeaders, box: SecretBox): StoredHeaders {
  let credentials: HttpHeaders | null = null;
  for (const name in headers) {
    if (!isCredentialHeader(name)) continue;
    credentials ??= {};
    credentials[name] = headers[name];
  }
  if (credentials === null) return { headers, sealed: null };
  const plain = { ...headers };
  for (const name in credentials) plain[name] = SEALED_VALUE;
  return { headers: plain, sealed: box.seal(JSON.stringify(credentials)) };
}

/** The headers exactly as they were sent or received (`stored` is changed in place). */
export function openHeaders(stored: HttpHeaders, sealed: Buffer | null, box: SecretBox): HttpHeaders {
  return sealed === null ? stored : Object.assign(stored, JSON.parse(box.open(sealed)) as HttpHeaders);
}
