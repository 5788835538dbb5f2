import { describe, expect, it } from 'vitest';
import { formatByteSizeNotation, parseByteSizeNotation } from '../../../../src-shared/domain/byte-size-notation.ts';

describe('byte size notation', () => {
  it.each([
    ['256MiB', 256 * 1024 ** 2],
    ['1GiB', 1024 ** 3],
    ['1.5 gib', 1.5 * 1024 ** 3],
    ['300KiB', 300 * 1024],
    ['1000', 1000],
    ['1000B', 1000],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseByteSizeNotation(text)).toBe(bytes);
  });

  it.each(['', 'lots', '-1MiB', '5MB', '2 TiB', '1e3'])('%o is not a size', (text) => {
    expect(parseByteSizeNotation(text)).toBeNull();
  });

  it('prints the largest unit that divides exactly, which reads back the same', () => {
    for (const bytes of [512 * 1024 ** 2, 64 * 1024 ** 3, 1536 * 1024, 1000]) {
      expect(parseByteSizeNotation(formatByteSizeNotation(bytes))).toBe(bytes);
    }
    expect([512 * 1024 ** 2, 2 * 1024 ** 3, 1536 * 1024, 1000].map(formatByteSizeNotation)).toEqual(['512MiB', '2GiB', '1536KiB', '1000B']);
  });
});
