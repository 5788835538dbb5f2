import { describe, expect, it } from 'vitest';
import { KeptResponseBody } from '../../../../src-main/engine/response-body.ts';
import { RESPONSE_BODY_KEPT_MAX } from '../../../../src-shared/domain/delivery.ts';

describe('KeptResponseBody', () => {
  it('keeps a body up to the limit whole', () => {
    const body = new KeptResponseBody();
    body.add(Buffer.from('{"ok":'));
    body.add(Buffer.from('true}'));
    expect(body.text()).toBe('{"ok":true}');
    expect(body.bytes).toBe(11);
    expect(body.truncated).toBe(false);
  });

  it('keeps the first 64 KiB across chunks and counts every byte after them', () => {
    const body = new KeptResponseBody();
    const chunk = Buffer.alloc(40 * 1024, 'a');
    for (let n = 0; n < 5; n += 1) body.add(chunk);
    expect(body.bytes).toBe(200 * 1024);
    expect(body.truncated).toBe(true);
    expect(body.text()).toBe('a'.repeat(RESPONSE_BODY_KEPT_MAX));
  });

  it('a character cut at the limit becomes U+FFFD, never a broken string', () => {
    const body = new KeptResponseBody();
    body.add(Buffer.alloc(RESPONSE_BODY_KEPT_MAX - 1, 'a'));
    body.add(Buffer.from('é'));
    expect(body.truncated).toBe(true);
    expect(body.text().endsWith('a\uFFFD')).toBe(true);
  });
});
