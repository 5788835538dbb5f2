import { describe, expect, it } from 'vitest';
import { HTTP_URL_RULE, httpUrlProblem } from '../../../../src-shared/domain/http-url.ts';

describe('httpUrlProblem: what a URL a request goes to still needs', () => {
  it.each(['https://example.com/hooks', 'http://127.0.0.1:1/x', 'http://[::1]:65535', 'https://user:pw@host.example:8443/a?b#c'])(
    'has nothing to say about %s',
    (url) => expect(httpUrlProblem(url)).toBeNull(),
  );

  it.each(['not a url', 'hooks.example.com/x', '/hooks/sentinel'])('tells %s what a URL needs: a scheme, a host, an example', (url) => {
    expect(httpUrlProblem(url)).toBe(`${HTTP_URL_RULE}: a scheme and a host, e.g. https://example.com/hooks`);
  });

  it.each([
    ['http://localhost:99999/hooks', '99999'],
    ['https://example.com:0', '0'],
    ['http://[::1]:70000/', '70000'],
  ])('names the port range for %s', (url, port) => {
    expect(httpUrlProblem(url)).toBe(`has port ${port}; port must be 1–65535`);
  });

  it.each(['ftp://example.com/x', 'http://', 'mailto:a@b.example'])('gives the rule for %s, which has a scheme but is no http(s) URL', (url) => {
    expect(httpUrlProblem(url)).toBe(HTTP_URL_RULE);
  });
});
