import type { z } from 'zod';

/** Longer URLs are refused by common servers and proxies (8 KB request lines) long before this. */
export const HTTP_URL_MAX = 2000;

/** The rule every URL a request is sent to follows; a problem message starts with it where it says more. */
export const HTTP_URL_RULE = 'must be an absolute http:// or https:// URL';

/** The port written in a URL's authority (`:99999` included, which URL parsing refuses without saying why). */
const WRITTEN_PORT = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * What keeps a URL from being one a request can be sent to, said so that the user can fix it
 * ("not a url" gets what a URL needs, port 99999 the port range); null when there is nothing.
 */
export function httpUrlProblem(value: string): string | null {
  const port = WRITTEN_PORT.exec(value)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `has port ${port}; port must be 1–65535`;
  if (isHttpUrl(value)) return null;
  if (!HAS_SCHEME.test(value)) return `${HTTP_URL_RULE}: a scheme and a host, e.g. https://example.com/hooks`;
  return HTTP_URL_RULE;
}

/** For `.superRefine`: a URL field's problem, if any, as its issue. */
export function refineHttpUrl(value: string, context: z.RefinementCtx): void {
  const problem = httpUrlProblem(value);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
}

/** An absolute http:// or https:// URL with a host: where a request can be sent. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * scheme://host[:port] of a URL (WHATWG origin): the unit the engine bounds tries in flight by.
 * The URL itself when it does not parse, so that such deliveries still share one bound.
 */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
