import { describe, expect, it } from 'vitest';
import { isPrivateUrl } from '../../../../src-main/services/private-address.ts';

describe('isPrivateUrl: addresses a vendor cloud cannot reach', () => {
  it.each([
    'http://localhost:8080/x',
    'http://api.localhost/x',
    'http://127.0.0.1:9/x',
    'http://10.1.2.3/x',
    'http://172.20.0.5/x',
    'http://192.168.1.10/x',
    'http://169.254.169.254/x',
    'http://[::1]:3000/x',
    'http://[fd00::1]/x',
    'http://printer.local/x',
    'http://intranet/x',
  ])('%s is private', (url) => expect(isPrivateUrl(url)).toBe(true));

  it.each(['https://example.com/hooks', 'http://8.8.8.8/x', 'http://172.32.0.1/x', 'https://[2001:db8::1]/x'])('%s is public', (url) =>
    expect(isPrivateUrl(url)).toBe(false),
  );
});
