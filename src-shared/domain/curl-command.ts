import type { AttemptRequest } from './http-message.ts';

/** One shell word, whatever the text holds: single quotes, with each ' written as '\''. */
export function shellQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Headers curl writes itself from the URL and the body; sent as recorded they could disagree. */
const WRITTEN_BY_CURL = new Set(['host', 'content-length']);

/** The request as one curl command that sends it again: same method, headers and body bytes. */
export function curlCommandOf(request: AttemptRequest): string {
  const headers = Object.entries(request.headers)
    .filter(([name]) => !WRITTEN_BY_CURL.has(name.toLowerCase()))
    .map(([name, value]) => ` -H ${shellQuoted(`${name}: ${value}`)}`);
  const body = request.body === '' ? '' : ` --data-binary ${shellQuoted(request.body)}`;
  return `curl -X ${request.method} ${shellQuoted(request.url)}${headers.join('')}${body}`;
}
