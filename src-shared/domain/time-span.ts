import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time-units.ts';

const SPAN_UNITS: ReadonlyArray<[label: string, ms: number]> = [
  ['d', DAY_MS],
  ['h', HOUR_MS],
  ['min', MINUTE_MS],
  ['s', SECOND_MS],
];

/** A wait in words, the two largest units at most: "40 s", "5 min", "1 h 30 min", "2 d 3 h". */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  let rest = Math.round(abs / 1000) * 1000;
  const parts: string[] = [];
  for (const [label, size] of SPAN_UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${label}`);
  }
  return parts.slice(0, 2).join(' ');
}
