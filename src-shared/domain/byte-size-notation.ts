/**
 * Sizes as people type them on the command line and read them back: `512MiB`, `1GiB`, `300KiB`,
 * or plain bytes. Binary units only, so what is printed is exactly what was set.
 */
const UNITS = { GiB: 1024 ** 3, MiB: 1024 ** 2, KiB: 1024, B: 1 } as const;
type Unit = keyof typeof UNITS;
const SIZE = /^(\d+(?:\.\d+)?)\s*(GiB|MiB|KiB|B)?$/i;

export const BYTE_SIZE_NOTATION_HINT = 'bytes, or a number and KiB, MiB or GiB, e.g. 256MiB';

/** Bytes, or null when the text is not a size in this notation. */
export function parseByteSizeNotation(text: string): number | null {
  const parts = SIZE.exec(text.trim());
  if (!parts) return null;
  const unit = (Object.keys(UNITS) as Unit[]).find((name) => name.toLowerCase() === (parts[2] ?? 'B').toLowerCase())!;
  return Math.round(Number(parts[1]) * UNITS[unit]);
}

/** The largest unit that divides the size exactly: 536870912 → 512MiB, 1000 → 1000B. */
export function formatByteSizeNotation(bytes: number): string {
  const unit = (Object.keys(UNITS) as Unit[]).find((name) => bytes % UNITS[name] === 0)!;
  return `${bytes / UNITS[unit]}${unit}`;
}
