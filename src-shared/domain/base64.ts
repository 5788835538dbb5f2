/** Strict base64 with padding: Buffer.from and atob would accept or drop bad characters silently. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True for strict, padded base64 (the empty string included). */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}
