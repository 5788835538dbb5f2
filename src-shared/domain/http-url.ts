/** Longer URLs are refused by common servers and proxies (8 KB request lines) long before this. */
export const HTTP_URL_MAX = 2000;

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
