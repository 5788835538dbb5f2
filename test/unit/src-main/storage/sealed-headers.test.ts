import { describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../../../../src-main/platform/key-file-secret-box.ts';
import { isCredentialHeader, openHeaders, sealHeaders } from '../../../../src-main/storage/sealed-headers.ts';
import { tempDir } from '../../../fixtures/temp-dir.ts';

describe('which headers are credentials', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'set-cookie',
    'X-Api-Key',
    'x-apikey',
    'api_key',
    'X-Auth-Token',
    'x-client-secret',
    'x-password',
    'x-amz-security-token',
    'x-session-id',
    'x-credentials',
  ])('%s is sealed', (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each(['webhook-signature', 'N-Signature', 'x-hub-signature-256', 'webhook-id', 'content-type', 'user-agent', 'x-authorized-by'])(
    '%s stays plain',
    (name) => {
      expect(isCredentialHeader(name)).toBe(false);
    },
  );
});

describe('sealed headers', () => {
  it('keep only stand-ins in the plain part and come back exactly as sent, in their order', () => {
    const box = createKeyFileSecretBox(tempDir());
    const sent = { host: '127.0.0.1', authorization: 'Basic YWxpY2U6cHc=', 'webhook-signature': 'v1,abc=', cookie: 'sid=1', 'content-length': '2' };
    const stored = sealHeaders(sent, box);
    expect(stored.headers).toEqual({ ...sent, authorization: '(sealed)', cookie: '(sealed)' });
    expect(stored.sealed!.includes('YWxpY2U6cHc=')).toBe(false);
    const opened = openHeaders(JSON.parse(JSON.stringify(stored.headers)), stored.sealed, box);
    expect(opened).toEqual(sent);
    expect(Object.keys(opened)).toEqual(Object.keys(sent));
  });

  it('without credentials are stored as they are: the same object, nothing sealed', () => {
    const box = createKeyFileSecretBox(tempDir());
    const sent = { 'content-type': 'application/json', 'webhook-signature': 'v1,abc=' };
    const stored = sealHeaders(sent, box);
    expect(stored).toEqual({ headers: sent, sealed: null });
    expect(stored.headers).toBe(sent);
    expect(openHeaders(stored.headers, null, box)).toBe(sent);
  });
});
