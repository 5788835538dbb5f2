import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkNSignatureKey, verifyNSignature } from '../../../../src-main/receiver/n-signature-verification.ts';
import { accountPublicKey, generateAccountKeyPairSync } from '../../../../src-main/vendors/account-key.ts';

const account = generateAccountKeyPairSync();
const other = generateAccountKeyPairSync();
const accountKey = accountPublicKey(account.publicKeyPem, 0);
const otherKey = accountPublicKey(other.publicKeyPem, 0);
const body = Buffer.from('{"eventCode":"customer.created","callAttempt":1}');

/** Signed independently of Hooklab's signer: node:crypto with the private key. */
const signed = (bytes: Buffer, privateKeyPem = account.privateKeyPem) => ({
  'n-signature': sign('sha256', bytes, createPrivateKey(privateKeyPem)).toString('base64'),
});

const withAccountKey = { binKey: null, accountKeyPem: () => account.publicKeyPem };

describe('N-Signature check on a capture', () => {
  it('is valid with the workspace key, naming it by fingerprint', () => {
    expect(verifyNSignature(signed(body), body, withAccountKey)).toEqual({
      valid: true,
      reason: `signed with the workspace Zentitle2 key ${accountKey.fingerprint}`,
    });
  });

  it('is valid with a bin key given as PEM or as the bare base64url modulus', () => {
    for (const binKey of [account.publicKeyPem, accountKey.modulusBase64Url]) {
      expect(verifyNSignature(signed(body), body, { binKey, accountKeyPem: () => null })).toEqual({
        valid: true,
        reason: `signed with the bin's key ${accountKey.fingerprint}`,
      });
    }
  });

  it('fails when the body changed after signing, or another key signed, naming the key it tried', () => {
    const tampered = Buffer.from(body.toString().replace('1', '2'));
    const reason = `does not match the workspace Zentitle2 key ${accountKey.fingerprint}: signed with another key, or the body changed after signing`;
    expect(verifyNSignature(signed(body), tampered, withAccountKey)).toEqual({ valid: false, reason });
    expect(verifyNSignature(signed(body, other.privateKeyPem), body, withAccountKey)).toEqual({ valid: false, reason });
    expect(verifyNSignature(signed(body), body, { binKey: otherKey.modulusBase64Url, accountKeyPem: () => account.publicKeyPem })?.reason).toBe(
      `does not match the bin's key ${otherKey.fingerprint}: signed with another key, or the body changed after signing`,
    );
  });

  it('fails on a missing or non-base64 header when the bin names a key', () => {
    const binKey = account.publicKeyPem;
    expect(verifyNSignature({}, body, { binKey, accountKeyPem: () => null })).toEqual({
      valid: false,
      reason: `missing N-Signature header (expected one made with the bin's key ${accountKey.fingerprint})`,
    });
    expect(verifyNSignature({ 'n-signature': 'not base64!' }, body, { binKey, accountKeyPem: () => null })).toEqual({
      valid: false,
      reason: 'N-Signature is not base64',
    });
  });

  it('is null for a request without N-Signature to a bin that names no key', () => {
    expect(verifyNSignature({}, body, withAccountKey)).toBeNull();
    expect(verifyNSignature({}, body, { binKey: null, accountKeyPem: () => null })).toBeNull();
  });

  it('fails when there is no key to check with, or the bin’s key is malformed', () => {
    expect(verifyNSignature(signed(body), body, { binKey: null, accountKeyPem: () => null })).toEqual({
      valid: false,
      reason: 'no key to check with: the workspace has no Zentitle2 key yet and the bin names none',
    });
    expect(verifyNSignature(signed(body), body, { binKey: 'AQAB', accountKeyPem: () => null })).toEqual({
      valid: false,
      reason: "malformed key: the bin's key is 17 bits; Zentitle2 keys have 2048 (was it cut off while copying?)",
    });
  });
});

describe('a bin script’s nSignatureKey', () => {
  it('is refused naming script.nSignatureKey when it is not a usable RSA public key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const cases: [string, string][] = [
      ['-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----', 'is not a readable PEM key'],
      ['abc def', 'must be a PEM key or an RSA modulus in base64url (letters, digits, - and _)'],
      [ec, 'must be an RSA key, not ec'],
      [accountKey.modulusBase64Url.slice(0, 100), 'is 600 bits; Zentitle2 keys have 2048 (was it cut off while copying?)'],
    ];
    for (const [key, message] of cases) {
      expect(() => checkNSignatureKey(key), key).toThrow(
        expect.objectContaining({
          code: 'invalid_input',
          details: { issues: [{ path: 'script.nSignatureKey', message }] },
        }),
      );
    }
    expect(() => checkNSignatureKey(accountKey.modulusBase64Url)).not.toThrow();
    expect(() => checkNSignatureKey(null)).not.toThrow();
  });
});
