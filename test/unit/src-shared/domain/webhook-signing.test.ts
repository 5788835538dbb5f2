import { describe, expect, it } from 'vitest';
import { signingSecretSchema } from '../../../../src-shared/domain/webhook-signing.ts';

const key24 = Buffer.alloc(24, 7).toString('base64');

describe('signing secret input', () => {
  it('takes a secret with or without the whsec_ prefix and stores it with the prefix', () => {
    expect(signingSecretSchema.parse(`whsec_${key24}`)).toBe(`whsec_${key24}`);
    expect(signingSecretSchema.parse(` ${key24} `)).toBe(`whsec_${key24}`);
  });

  it.each([
    ['empty', '', /followed by base64/],
    ['not base64', 'whsec_not base64!', /followed by base64/],
    ['too short (16 bytes)', `whsec_${Buffer.alloc(16).toString('base64')}`, /24-64 bytes/],
    ['too long (65 bytes)', `whsec_${Buffer.alloc(65).toString('base64')}`, /24-64 bytes/],
  ])('rejects a secret that is %s', (_label, value, message) => {
    const result = signingSecretSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('; ')).toMatch(message);
  });
});
