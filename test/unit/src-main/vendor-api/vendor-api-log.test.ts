import { describe, expect, it } from 'vitest';
import { loggedBody, loggedHeaders } from '../../../../src-main/vendor-api/vendor-api-log.ts';

const SECRET = 'LEAKME-0123456789';

describe('the vendor API call log never holds a whole credential', () => {
  it.each([
    ['JSON', `{"name":"x","password":"${SECRET}"}`],
    ['JSON, nested and not a string', `{"profile":{"clientSecret":"${SECRET}"},"authToken":{"value":"${SECRET}"},"basicPassword":12345678901234567}`],
    ['broken JSON', `{"name":"x","password":"${SECRET}"`],
    ['broken JSON, a bare value', `{"password": ${SECRET.replace(/\D/g, '')}`],
    ['a form', `grant_type=client_credentials&client_secret=${SECRET}`],
    ['broken JSON, single-quoted and bare keys', `{authToken: '${SECRET}', 'fnoServiceUserPassword': "${SECRET}"`],
    ['broken JSON, an escaped key', `{"pass\\u0077ord": "${SECRET}"`],
  ])('%s', (_kind, body) => {
    const logged = loggedBody(body);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('12345678901234567');
    expect(logged).not.toContain('0123456789');
  });

  it('keeps what is no credential and the scheme of an Authorization header, and shortens every header Hooklab seals at rest', () => {
    expect(loggedBody('{"uri":"https://example.com/h","subscriptions":["customer.created"]}')).toBe(
      '{"uri":"https://example.com/h","subscriptions":["customer.created"]}',
    );
    expect(loggedHeaders({ authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET, 'n-tenantid': 't_1' })).toEqual({
      authorization: 'Bearer LEAKME… (17 characters)',
      'x-api-key': 'LEAKME… (17 characters)',
      'n-tenantid': 't_1',
    });
  });
});
