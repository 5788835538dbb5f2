import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Compares a secret given by a client with the expected one in constant time: as SHA-256 digests,
 * so the two are of equal length for timingSafeEqual and the time taken tells neither how much
 * matched nor how long the secret is.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}
