import { createHash, createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { validationError } from '../../src-shared/contracts/contract-kit.ts';
import type { AccountPublicKey } from '../../src-shared/domain/vendor-account.ts';

/** Zentitle2 hands out 2048-bit keys; shorter ones are refused on import. */
export const ACCOUNT_KEY_BITS = 2048;

export interface AccountKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

const RSA_OPTIONS = { modulusLength: ACCOUNT_KEY_BITS, publicExponent: 0x10001 } as const;

function exportPair(privateKey: KeyObject, publicKey: KeyObject): AccountKeyPair {
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Blocks for a moment (RSA-2048): only for the one key a vendor gets with its first webhook. */
export function generateAccountKeyPairSync(): AccountKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', RSA_OPTIONS);
  return exportPair(privateKey, publicKey);
}

/** Off the event loop: deliveries and the UI go on while the key is made. */
export async function generateAccountKeyPair(): Promise<AccountKeyPair> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', RSA_OPTIONS);
  return exportPair(privateKey, publicKey);
}

/** A pasted private key, checked: PEM, RSA, at least 2048 bits. Errors name the `privateKeyPem` field. */
export function importAccountKeyPair(pem: string): AccountKeyPair {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw validationError([{ path: 'privateKeyPem', message: `is not a PEM private key (${(error as Error).message.replace(/^error:[^:]*:/, '').trim()})` }]);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw validationError([{ path: 'privateKeyPem', message: `must be an RSA key, not ${key.asymmetricKeyType ?? 'an unknown type'}` }]);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < ACCOUNT_KEY_BITS) {
    throw validationError([{ path: 'privateKeyPem', message: `must be at least ${ACCOUNT_KEY_BITS} bits (this key has ${bits})` }]);
  }
  return exportPair(key, createPublicKey(key));
}

/** A public key from a workspace file, checked: PEM, RSA; as SPKI PEM. Errors name the `publicKeyPem` field. */
export function importAccountPublicKey(pem: string): string {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw validationError([{ path: 'publicKeyPem', message: 'must be a PEM public key' }]);
  }
  if (key.asymmetricKeyType !== 'rsa') throw validationError([{ path: 'publicKeyPem', message: 'must be an RSA public key' }]);
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** SHA-256 of the DER public key, hex, first 16 characters: how users tell keys apart. */
export function publicKeyFingerprint(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function accountPublicKey(publicKeyPem: string, createdAt: number): AccountPublicKey {
  const key = createPublicKey(publicKeyPem);
  const jwk = key.export({ format: 'jwk' });
  return {
    pem: publicKeyPem,
    modulusBase64Url: jwk.n!,
    exponentBase64Url: jwk.e!,
    bits: key.asymmetricKeyDetails?.modulusLength ?? 0,
    fingerprint: publicKeyFingerprint(key),
    createdAt,
  };
}
