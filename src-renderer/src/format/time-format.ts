import { formatSpan } from '../../../src-shared/domain/time-span.ts';

export { formatSpan };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:03:22" today, "2025-07-23 14:03:22" otherwise; local time. */
export function formatTime(epochMs: number, now: Date = new Date()): string {
  const date = new Date(epochMs);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (sameDay(date, now)) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

/** Full precision for details and tooltips: "2025-07-23 14:03:22.437". */
export function formatTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
  );
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "in 14 min", or "now" once the moment has come. */
export function formatUntil(ms: number): string {
  return ms >= 1000 ? `in ${formatSpan(ms)}` : 'now';
}
