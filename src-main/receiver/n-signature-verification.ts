import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { SignatureCheck } from '../../src-shared/domain/webhook-signing.ts';
import { decodeBase64 } from '../capture-import/base64-text.ts';
import { ACCOUNT_KEY_BITS, publicKeyFingerprint } from '../vendors/account-key.ts';
import { N_SIGNATURE_HEADER } from '../vendors/zentitle2/n-signature.ts';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The public key a receiver is configured with: PEM (public, or a private key whose public half is
 * meant), or the bare RSA modulus in base64url as Zentitle2's "API Credentials" page hands it out,
 * with the exponent it always uses (AQAB, 65537). Throws with a message saying what is wrong.
 */
export function parseNSignatureKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  if (trimmed.startsWith('-----BEGIN')) {
    try {
      key = createPublicKey({ key: trimmed, format: 'pem' });
    } catch {
      throw new Error('is not a readable PEM key');
    }
  } else {
    if (!BASE64URL.test(trimmed)) throw new Error('must be a PEM key or an RSA modulus in base64url (letters, digits, - and _)');
    try {
      key = createPublicKey({ key: { kty: 'RSA', n: trimmed, e: 'AQAB' }, format: 'jwk' });
    } catch {
      throw new Error('is not a usable RSA modulus');
    }
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`must be an RSA key, not ${key.asymmetricKeyType ?? 'an unknown type'}`);
  // A short key here is nearly always a modulus cut off while copying.
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < ACCOUNT_KEY_BITS) throw new Error(`is ${bits} bits; Zentitle2 keys have ${ACCOUNT_KEY_BITS} (was it cut off while copying?)`);
  return key;
}

/** Keys parsed once per text: every signed capture is checked with one of a few keys. */
const parsedKeys = new Map<string, KeyObject>();
const PARSED_KEYS_MAX = 32;

function parsedKey(text: string): KeyObject {
  let key = parsedKeys.get(text);
  if (!key) {
    key = parseNSignatureKey(text);
    if (parsedKeys.size >= PARSED_KEYS_MAX) parsedKeys.clear();
    parsedKeys.set(text, key);
  }
  return key;
}

/** A bin script's `nSignatureKey` is checked before it is saved, so a capture never meets a bad one. */
export function checkNSignatureKey(text: string | null): void {
  if (text === null) return;
  try {
    parseNSignatureKey(text);
  } catch (error) {
    throw validationError([{ path: 'script.nSignatureKey', message: (error as Error).message }]);
  }
}

export interface NSignatureKeys {
  /** The bin's own key (BinScript.nSignatureKey); null: use the workspace's. */
  binKey: string | null;
  /** The workspace's Zentitle2 account public key (PEM), null when it has none yet; read only when needed. */
  accountKeyPem(): string | null;
}

/**
 * Checks `N-Signature` as a Zentitle2 receiver does: the signature over the exact body bytes,
 * with the configured key. null when the request carries none and the bin asks for no check.
 * The reason names the key by fingerprint, so a user with several keys sees which was used.
 */
export function verifyNSignature(headers: HttpHeaders, body: Buffer, { binKey, accountKeyPem }: NSignatureKeys): SignatureCheck | null {
  const signature = headers[N_SIGNATURE_HEADER];
  if (signature === undefined && binKey === null) return null;
  const source = binKey !== null ? "the bin's key" : 'the workspace Zentitle2 key';
  const keyText = binKey ?? accountKeyPem();
  if (keyText === null) return { valid: false, reason: 'no key to check with: the workspace has no Zentitle2 key yet and the bin names none' };
  let key: KeyObject;
  try {
    key = parsedKey(keyText);
  } catch (error) {
    return { valid: false, reason: `malformed key: ${source} ${(error as Error).message}` };
  }
  const named = `${source} ${publicKeyFingerprint(key)}`;
  if (signature === undefined) return { valid: false, reason: `missing N-Signature header (expected one made with ${named})` };
  const trimmed = signature.trim();
  const signatureBytes = trimmed === '' ? null : decodeBase64(trimmed);
  if (signatureBytes === null) return { valid: false, reason: 'N-Signature is not base64' };
  if (verify('sha256', body, key, signatureBytes)) return { valid: true, reason: `signed with ${named}` };
  return { valid: false, reason: `does not match ${named}: signed with another key, or the body changed after signing` };
}
