import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time-units.ts';

/**
 * Delays as people type them, in the webhook form and on the command line: `30s`, `2m`, `1.5h`,
 * `1d`. One notation everywhere, so what one shell prints another accepts.
 */
const UNITS_MS = { d: DAY_MS, h: HOUR_MS, m: MINUTE_MS, s: SECOND_MS } as const;
type Unit = keyof typeof UNITS_MS;
const DURATION = /^(\d+(?:\.\d+)?)\s*(d|h|m|s)$/;

export const DURATION_NOTATION_HINT = 'a number and s, m, h or d, e.g. 30s, 2m, 1h';

/** Milliseconds, or null when the text is not a duration in this notation. */
export function parseDurationNotation(text: string): number | null {
  const parts = DURATION.exec(text.trim());
  return parts ? Math.round(Number(parts[1]) * UNITS_MS[parts[2] as Unit]) : null;
}

/** The largest unit that divides the delay exactly: 120000 → 2m, 90000 → 90s. */
export function formatDurationNotation(ms: number): string {
  const unit = (Object.keys(UNITS_MS) as Unit[]).find((name) => ms % UNITS_MS[name] === 0);
  return unit ? `${ms / UNITS_MS[unit]}${unit}` : `${ms / SECOND_MS}s`;
}
