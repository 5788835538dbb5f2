import { describe, expect, it } from 'vitest';
import { setBinScriptInputSchema } from '../../../../src-shared/domain/bin-script.ts';

const issues = (input: unknown) => {
  const result = setBinScriptInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('bin script validation names each field and its rule', () => {
  it('defaults fill what is not given', () => {
    expect(setBinScriptInputSchema.parse({ bin: 'b', script: {} }).script).toEqual({
      status: 200, headers: {}, body: null, delayMs: 0, failFirst: 0, failureRate: 0, mode: 'reply', signingSecrets: [],
      expectedAuth: { kind: 'none' }, nSignatureKey: null,
    });
  });

  it.each([
    [{ status: 99 }, 'script.status: must be an HTTP status from 200 to 599'],
    [{ status: 200.5 }, 'script.status: must be a whole number'],
    [{ failureRate: 1.5 }, 'script.failureRate: must be from 0 to 1'],
    [{ failFirst: -1 }, 'script.failFirst: must not be negative'],
    [{ delayMs: 600_001 }, 'script.delayMs: must be at most 600000 ms'],
    [{ mode: 'sulk' }, 'script.mode: must be one of reply, hang, close'],
    [{ headers: { 'bad name': 'x' } }, "script.headers.bad name: header names are letters, digits and !#$%&'*+-.^_`|~"],
  ])('%o', (script, message) => {
    expect(issues({ bin: 'b', script })).toEqual([message]);
  });

  it('unknown fields and bad bin names are refused', () => {
    expect(issues({ bin: 'b', script: { colour: 'red' } })[0]).toMatch(/colour/);
    expect(issues({ bin: '../x', script: {} })).toEqual(['bin: must be 1-64 letters, digits, - or _']);
  });
});

describe('bin script signing secrets', () => {
  it('are normalised to whsec_ and a malformed one is named by its index', () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    expect(setBinScriptInputSchema.parse({ bin: 'b', script: { signingSecrets: [key] } }).script.signingSecrets).toEqual([`whsec_${key}`]);
    const result = setBinScriptInputSchema.safeParse({ bin: 'b', script: { signingSecrets: [key, 'whsec_c2hvcnQ='] } });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['script.signingSecrets.1', 'must decode to 24-64 bytes'],
    ]);
  });
});
