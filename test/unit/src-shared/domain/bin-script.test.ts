import { describe, expect, it } from 'vitest';
import { setBinScriptInputSchema } from '../../../../src-shared/domain/bin-script.ts';

const issues = (input: unknown) => {
  const result = setBinScriptInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('bin script validation names each field and its rule', () => {
  it('defaults fill what is not given', () => {
    expect(setBinScriptInputSchema.parse({ bin: 'b', script: {} }).script).toEqual({
      status: 200,
      headers: {},
      body: null,
      delayMs: 0,
      failFirst: 0,
      failureRate: 0,
      mode: 'reply',
      signingSecrets: [],
      expectedAuth: { kind: 'none' },
      nSignatureKey: null,
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
    [{ headers: { 'X-Split\r\nSet-Cookie': 'x' } }, "script.headers.X-Split\\r\\nSet-Cookie: header names are letters, digits and !#$%&'*+-.^_`|~"],
    [
      { headers: { 'X-Lab': 'one\r\nSet-Cookie: session=stolen' } },
      'script.headers.X-Lab: header values may not hold CR, LF, NUL or other control characters, nor characters beyond Latin-1',
    ],
    [
      { headers: { 'X-Lab': 'nul\u0000' } },
      'script.headers.X-Lab: header values may not hold CR, LF, NUL or other control characters, nor characters beyond Latin-1',
    ],
    [
      { headers: { 'X-Lab': 'snow ☃' } },
      'script.headers.X-Lab: header values may not hold CR, LF, NUL or other control characters, nor characters beyond Latin-1',
    ],
    [
      { headers: { 'Transfer-Encoding': 'chunked' } },
      'script.headers.Transfer-Encoding: is set by the receiver itself (framing and connection headers cannot be scripted)',
    ],
    [
      { headers: { 'content-length': '5' } },
      'script.headers.content-length: is set by the receiver itself (framing and connection headers cannot be scripted)',
    ],
    [{ headers: { Connection: 'close' } }, 'script.headers.Connection: is set by the receiver itself (framing and connection headers cannot be scripted)'],
  ])('%o', (script, message) => {
    expect(issues({ bin: 'b', script })).toEqual([message]);
  });

  it('ordinary reply headers pass: tabs, Latin-1 text, names with token punctuation', () => {
    const headers = { 'X-Lab_v1.2': 'a\tb', 'Retry-After': '120', 'X-Note': 'café', 'Cache-Control': 'no-store' };
    expect(setBinScriptInputSchema.parse({ bin: 'b', script: { headers } }).script.headers).toEqual(headers);
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
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['script.signingSecrets.1', 'must decode to 24-64 bytes']]);
  });
});
