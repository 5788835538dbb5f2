import { isBase64 } from '../../src-shared/domain/base64.ts';

/** Bytes of strict base64; null when the text is not base64 (Buffer.from would drop bad characters silently). */
export function decodeBase64(text: string): Buffer | null {
  return isBase64(text) ? Buffer.from(text, 'base64') : null;
}
