import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { isJsonObject } from '../../src-shared/domain/json-object.ts';
import { decodeBase64 } from './base64-text.ts';
import {
  addHeader,
  checkBodySize,
  isHttpMethod,
  keepOriginalHost,
  requestTarget,
  URL_RULE,
  type ImportedRequest,
  type ImportProblems,
} from './imported-request.ts';

type Json = Record<string, unknown>;

/** The requests of a HAR 1.2 log (`log.entries[].request`); responses and timings are not captures. */
export function harRequests(har: unknown, problems: ImportProblems): ImportedRequest[] {
  const entries = isJsonObject(har) && isJsonObject(har.log) ? har.log.entries : undefined;
  if (!Array.isArray(entries)) {
    problems.add('log.entries', 'must be a list (is this a HAR file?)');
    return [];
  }
  return entries.flatMap((entry, index) => {
    const request = harRequest(entry, `entries[${index}]`, problems);
    return request ? [request] : [];
  });
}

function harRequest(entry: unknown, path: string, problems: ImportProblems): ImportedRequest | null {
  const request = isJsonObject(entry) ? entry.request : undefined;
  if (!isJsonObject(request)) {
    problems.add(`${path}.request`, 'is required');
    return null;
  }
  let ok = true;
  const problem = (field: string, message: string) => {
    problems.add(`${path}${field}`, message);
    ok = false;
  };
  const { method, url, headers: headerList, postData } = request;
  if (typeof method !== 'string' || !isHttpMethod(method)) problem('.request.method', 'must be an HTTP method');
  const target = typeof url === 'string' ? requestTarget(url) : null;
  if (!target) problem('.request.url', URL_RULE);

  const headers: HttpHeaders = {};
  if (!Array.isArray(headerList)) problem('.request.headers', 'must be a list');
  else {
    headerList.forEach((header, at) => {
      if (!isJsonObject(header) || typeof header.name !== 'string' || typeof header.value !== 'string' || header.name === '') {
        problem(`.request.headers[${at}]`, 'must have a name and a value (strings)');
      } else if (!header.name.startsWith(':')) {
        // HTTP/2 pseudo-headers (:method, :path …) are already method and URL, not headers.
        addHeader(headers, header.name, header.value);
      }
    });
  }

  let body: Buffer = Buffer.alloc(0);
  if (postData !== undefined) {
    if (!isJsonObject(postData) || typeof postData.text !== 'string') {
      problem('.request.postData.text', 'is required when postData is present (a body given only as params cannot be rebuilt byte for byte)');
    } else if (postData.encoding === 'base64') {
      const bytes = decodeBase64(postData.text);
      if (bytes) body = bytes;
      else problem('.request.postData.text', 'must be base64 (postData.encoding is base64)');
    } else if (postData.encoding === undefined) {
      body = Buffer.from(postData.text, 'utf8');
    } else {
      problem('.request.postData.encoding', 'must be base64 or absent');
    }
  }
  checkBodySize(body, `${path}.request.postData.text`, problems);

  let receivedAt: number | null = null;
  const started = (entry as Json).startedDateTime;
  if (started !== undefined) {
    receivedAt = typeof started === 'string' ? Date.parse(started) : Number.NaN;
    if (Number.isNaN(receivedAt)) problem('.startedDateTime', 'must be an ISO 8601 date and time');
  }
  if (!ok || !target) return null;
  keepOriginalHost(headers, url as string);
  return { entry: path, method: method as string, ...target, headers, body, receivedAt, remoteAddress: '', reply: null };
}
