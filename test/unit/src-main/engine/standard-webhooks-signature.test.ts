import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSigningSecret, standardWebhooksHeaders } from '../../../../src-main/engine/standard-webhooks-signature.ts';
import { verifyStandardWebhooks } from '../../../../src-main/receiver/standard-webhooks-verification.ts';

const body = '{"eventName":"Entitlement Added","entitlement":{"id":"é-1"}}';
const id = 'msg_2b1e9f3c';

/** The reference package compares against wall time, so its checks sign at the current second. */
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signer (checked by the standardwebhooks package)', () => {
  it('a generated secret is whsec_ + 32 random bytes, and its signature verifies', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateSigningSecret()).not.toBe(secret);
    const headers = standardWebhooksHeaders([secret], id, nowSeconds(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('rotation: with two secrets both signatures are sent and either secret alone verifies', () => {
    const [oldSecret, newSecret] = [generateSigningSecret(), generateSigningSecret()];
    const headers = standardWebhooksHeaders([oldSecret, newSecret], id, nowSeconds(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow(/No matching signature/);
  });

  it('a tampered body or id fails verification', () => {
    const secret = generateSigningSecret();
    const headers = standardWebhooksHeaders([secret], id, nowSeconds(), body);
    expect(() => new Webhook(secret).verify(body.replace('é-1', 'é-2'), headers)).toThrow(/No matching signature/);
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow(/No matching signature/);
  });
});

describe('receiver verification of Standard Webhooks requests', () => {
  const secret = generateSigningSecret();
  const nowMs = Date.UTC(2030, 0, 1);
  const signedAt = (seconds: number) => standardWebhooksHeaders([secret], id, seconds, body);
  const at = Math.floor(nowMs / 1000);

  it('accepts what the reference package signs, at the receiver clock (not wall time)', () => {
    const headers = new Webhook(secret).sign(id, new Date(nowMs), body);
    const check = verifyStandardWebhooks(
      { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': headers },
      Buffer.from(body),
      [generateSigningSecret(), secret],
      nowMs,
    );
    expect(check).toEqual({ valid: true, reason: `signed with whsec_…${secret.slice(-4)}` });
  });

  it.each([
    ['no signature headers', {}, /^no signature: missing header webhook-id, webhook-timestamp, webhook-signature$/],
    ['a timestamp 301 s old', signedAt(at - 301), /^bad timestamp: 301 s old/],
    ['a timestamp 301 s ahead', signedAt(at + 301), /^bad timestamp: 301 s in the future/],
    ['a timestamp that is not a number', { ...signedAt(at), 'webhook-timestamp': 'soon' }, /^bad timestamp: "soon"/],
  ])('rejects %s with the reason', (_label, headers, reason) => {
    const check = verifyStandardWebhooks(headers, Buffer.from(body), [secret], nowMs);
    expect(check.valid).toBe(false);
    expect(check.reason).toMatch(reason);
  });

  it('accepts a timestamp 300 s off; rejects a tampered body and a wrong secret as "no signature matched"', () => {
    expect(verifyStandardWebhooks(signedAt(at - 300), Buffer.from(body), [secret], nowMs).valid).toBe(true);
    expect(verifyStandardWebhooks(signedAt(at), Buffer.from(`${body} `), [secret], nowMs)).toEqual({
      valid: false,
      reason: 'no signature matched: 1 v1 signature(s) checked against 1 secret(s)',
    });
    expect(verifyStandardWebhooks(signedAt(at), Buffer.from(body), [generateSigningSecret()], nowMs).reason).toMatch(/^no signature matched/);
  });
});
