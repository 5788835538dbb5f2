import { validationError, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import type { BinReplyMode } from '../../src-shared/domain/bin-script.ts';
import { CAPTURE_BODY_LIMIT_BYTES } from '../../src-shared/domain/capture.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { isHttpUrl } from '../../src-shared/domain/http-url.ts';

/** One request read from an import file, before the target bin's checks run on it. */
export interface ImportedRequest {
  /** Where in the file it came from: `entries[3]`, `[2]`, `line 5`. */
  entry: string;
  method: string;
  path: string;
  query: string;
  headers: HttpHeaders;
  body: Buffer;
  /** When it was sent or received, if the file says; otherwise the import's time. */
  receivedAt: number | null;
  remoteAddress: string;
  /** The answer it got, if the file says; an import answers nothing itself. */
  reply: { status: number; mode: BinReplyMode } | null;
}

const MAX_REPORTED = 20;

/** Problems found in a file; all of them are reported at once and nothing is imported. */
export class ImportProblems {
  private readonly issues: FieldIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }

  /** Throws the collected problems as one validation error naming each entry (the first few, in a big bad file). */
  throwIfAny(): void {
    if (this.empty) return;
    const shown = this.issues.slice(0, MAX_REPORTED);
    const more = this.issues.length - shown.length;
    throw validationError(more > 0 ? [...shown, { path: '', message: `and ${more} more problem(s)` }] : shown);
  }
}

const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isHttpMethod(value: string): boolean {
  return METHOD_TOKEN.test(value);
}

/** Path and query of an absolute http(s) URL, as the receiver stores them; null when it is not one. */
export function requestTarget(url: string): { path: string; query: string } | null {
  if (!isHttpUrl(url)) return null;
  const parsed = new URL(url);
  return { path: parsed.pathname || '/', query: parsed.search.slice(1) };
}

/**
 * Keeps the host the request was sent to as its Host header, the one curl and browsers send: the
 * capture's target is rewritten to a bin, and without it the original host would be lost (HAR of
 * HTTP/2 and curl commands do not list it). A Host header given in the file stays.
 */
export function keepOriginalHost(headers: HttpHeaders, url: string): void {
  if (!Object.hasOwn(headers, 'host')) headers.host = new URL(url).host;
}

export const URL_RULE = 'must be an absolute http(s) URL';

/** The receiver's body limit applies to imports too, so an imported capture is one it could have taken. */
export function checkBodySize(body: Buffer, path: string, problems: ImportProblems): void {
  if (body.length > CAPTURE_BODY_LIMIT_BYTES) {
    problems.add(path, `body is ${body.length} bytes, more than the ${CAPTURE_BODY_LIMIT_BYTES / (1024 * 1024)} MB limit`);
  }
}

/** Header names as the receiver stores them (Node lower-cases them); repeated headers joined as it does. */
export function addHeader(headers: HttpHeaders, name: string, value: string): void {
  const key = name.toLowerCase();
  headers[key] = Object.hasOwn(headers, key) ? `${headers[key]}, ${value}` : value;
}
