import { sign, type KeyObject } from 'node:crypto';
import type { HttpHeaders } from '../../../src-shared/domain/http-message.ts';

export const N_SIGNATURE_HEADER = 'n-signature';

/**
 * Zentitle2's `N-Signature`: RSASSA-PKCS1-v1_5 with SHA-256 over the exact body bytes, in standard
 * base64 (Nalpeiron's .NET sample, samples-dotnet `Webhooks.Console/PublicRsaKey.cs`).
 */
export function nSignatureHeaders(body: string, privateKey: KeyObject): HttpHeaders {
  return { [N_SIGNATURE_HEADER]: sign('sha256', Buffer.from(body), privateKey).toString('base64') };
}
