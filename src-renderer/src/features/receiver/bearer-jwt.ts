import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { HttpHeaders } from '../../../../src-shared/domain/http-message.ts';

export type BearerJwt = { ok: true; header: ProtectedHeaderParameters; claims: JWTPayload } | { ok: false; problem: string };

/** Three base64url parts: a token that looks like a JWT, as opposed to an opaque one. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * The header and claims of the request's Bearer token when it is a JWT; null for no Bearer token
 * or an opaque one. Only decoded: whether the signature holds is the receiver's auth check.
 */
export function bearerJwt(headers: HttpHeaders): BearerJwt | null {
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'authorization');
  const match = name ? /^Bearer\s+(\S+)$/i.exec(headers[name]!.trim()) : null;
  const token = match?.[1];
  if (!token || !JWT_SHAPE.test(token)) return null;
  try {
    return { ok: true, header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The time claims (seconds since the epoch), for showing as dates beside the raw numbers. */
export const JWT_TIME_CLAIMS = [
  ['iat', 'Issued at'],
  ['nbf', 'Not before'],
  ['exp', 'Expires at'],
] as const;
