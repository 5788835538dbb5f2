import { isJsonObject } from '../../src-shared/domain/json-object.ts';

/**
 * The body with one more member (or, when it is not a JSON object, one more character): still a
 * body the receiver can parse, so only the signature tells it apart.
 */
export function tamperedBody(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isJsonObject(parsed)) return JSON.stringify({ ...parsed, tampered: true });
  } catch {
    // Not JSON: a changed character is tampering enough.
  }
  return `${body} `;
}
