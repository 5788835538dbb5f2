import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';

/** A header by name, whatever its case: headers set by scripts and tests keep the case they were written in. */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
