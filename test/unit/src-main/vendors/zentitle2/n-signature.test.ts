import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FiredEvent } from '../../../../../src-shared/domain/event.ts';
import { findCatalogEvent } from '../../../../../src-shared/vendors/catalogs.ts';
import { accountPublicKey, generateAccountKeyPairSync } from '../../../../../src-main/vendors/account-key.ts';
import { zentitle2Profile } from '../../../../../src-main/vendors/zentitle2/zentitle2-profile.ts';
import { nSignatureHeaders } from '../../../../../src-main/vendors/zentitle2/n-signature.ts';
import { tempDir } from '../../../../fixtures/temp-dir.ts';
import { payloadTarget } from '../../../../fixtures/payload-target.ts';

const pair = generateAccountKeyPairSync();
const exported = accountPublicKey(pair.publicKeyPem, 0);
const privateKey = createPrivateKey(pair.privateKeyPem);

function firedEvent(): FiredEvent {
  const catalogEvent = findCatalogEvent('zentitle2', 'entitlement.seat.activated')!;
  const entity = zentitle2Profile.generateEntity(catalogEvent, { activity: catalogEvent.name, seed: 3 });
  return {
    id: 'ev-1',
    vendor: 'zentitle2',
    entity: catalogEvent.entity,
    eventName: catalogEvent.name,
    activity: catalogEvent.name,
    requestId: 'req-1',
    opTime: Date.UTC(2025, 0, 2),
    origin: 'synthetic',
    createdAt: Date.UTC(2025, 0, 2),
    ...entity,
  };
}

/** One try's body and its N-Signature, as the dispatcher makes them. */
function signedTry(attempt: number) {
  const { body } = zentitle2Profile.buildPayload(firedEvent(), payloadTarget({ attempt }));
  const headers = nSignatureHeaders(body, privateKey);
  return { body, signature: headers['n-signature']! };
}

/** openssl's verdict; null when openssl is not installed. */
function opensslVerifies(body: string, signatureBase64: string): boolean | null {
  const dir = tempDir();
  writeFileSync(join(dir, 'pub.pem'), exported.pem);
  writeFileSync(join(dir, 'sig.bin'), Buffer.from(signatureBase64, 'base64'));
  writeFileSync(join(dir, 'body.bin'), body);
  try {
    const out = execFileSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'pub.pem'), '-signature', join(dir, 'sig.bin'), join(dir, 'body.bin')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.trim() === 'Verified OK';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((error as { status?: number }).status === 1) return false;
    throw error;
  }
}

describe('N-Signature, checked by tools other than Hooklab', () => {
  it('is only a header with a standard base64 signature of 2048 bits', () => {
    const headers = nSignatureHeaders('{}', privateKey);
    expect(Object.keys(headers)).toEqual(['n-signature']);
    expect(headers['n-signature']).toMatch(/^[A-Za-z0-9+/]{342}==$/);
  });

  it('openssl dgst -sha256 -verify accepts it with the exported PEM, and refuses it for a changed body', (context) => {
    const { body, signature } = signedTry(1);
    const verdict = opensslVerifies(body, signature);
    if (verdict === null) return context.skip('openssl is not installed');
    expect(verdict).toBe(true);
    expect(opensslVerifies(body.replace('"callAttempt":1', '"callAttempt":2'), signature)).toBe(false);
  });

  it('node:crypto accepts it with a key built only from the exported base64url modulus and AQAB', () => {
    const fromModulus = createPublicKey({ key: { kty: 'RSA', n: exported.modulusBase64Url, e: 'AQAB' }, format: 'jwk' });
    const { body, signature } = signedTry(1);
    expect(verify('sha256', Buffer.from(body), fromModulus, Buffer.from(signature, 'base64'))).toBe(true);
    expect(verify('sha256', Buffer.from(`${body} `), fromModulus, Buffer.from(signature, 'base64'))).toBe(false);
  });

  it('a retry’s body counts the try, so its signature differs; each verifies for its own body only', () => {
    const fromModulus = createPublicKey({ key: { kty: 'RSA', n: exported.modulusBase64Url, e: 'AQAB' }, format: 'jwk' });
    const first = signedTry(1);
    const retry = signedTry(2);
    expect(JSON.parse(retry.body).callAttempt).toBe(2);
    expect(retry.signature).not.toBe(first.signature);
    expect(verify('sha256', Buffer.from(retry.body), fromModulus, Buffer.from(retry.signature, 'base64'))).toBe(true);
    expect(verify('sha256', Buffer.from(first.body), fromModulus, Buffer.from(retry.signature, 'base64'))).toBe(false);
  });
});
