import { UsageError } from './cli-error.ts';
import { InvalidArgumentError } from 'commander';
import { DURATION_NOTATION_HINT, parseDurationNotation } from '../../src-shared/domain/duration-notation.ts';

/** Commander argument parsers: a bad value is a usage error that names the rule. */
export function integerIn(min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    }
    return parsed;
  };
}

export function nonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return parsed;
}

export function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
}

/** Demo pace, in seconds: the engine takes whole milliseconds up to an hour. */
export function demoPaceSeconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 3600) throw new InvalidArgumentError('must be a number of seconds from 0 to 3600');
  return parsed;
}

/** A delay in the app's notation (`30s`, `2m`), as milliseconds; the engine's schema checks its bounds. */
export function durationMs(value: string): number {
  const ms = parseDurationNotation(value);
  if (ms === null) throw new InvalidArgumentError(`must be ${DURATION_NOTATION_HINT}`);
  return ms;
}

/** A number from a fixed list (e.g. the time scales). */
export function numberOneOf<const T extends number>(allowed: readonly T[]) {
  return (value: string): T => {
    const parsed = Number(value);
    if (!(allowed as readonly number[]).includes(parsed)) {
      throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}`);
    }
    return parsed as T;
  };
}

/** For repeatable options: each occurrence adds one value. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A comma-separated list of values from a fixed set, e.g. `--status failed,retrying`. */
export function listOf<const T extends string>(allowed: readonly T[]) {
  return (value: string): T[] => {
    const items = value.split(',').map((item) => item.trim());
    const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(`${unknown.map((item) => `"${item}"`).join(', ')} is not one of ${allowed.join(', ')} (separate several with commas)`);
    }
    return [...new Set(items)] as T[];
  };
}

const ISO_8601 = /^(\d{4}-\d\d-\d\d)([T ]\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?)?(Z|[+-]\d\d:\d\d)?$/;
export const TIME_ARGUMENT_HELP = 'ISO 8601 such as 2026-11-23T10:00 (UTC unless it ends in an offset like +01:00) or epoch milliseconds';

/**
 * A point in time: epoch milliseconds, or ISO 8601. Without an offset it means UTC, like the
 * times the CLI prints ("2026-11-23 10:00:00" is accepted too), so a time copied from a listing
 * finds the same rows on any machine.
 */
export function timeArgument(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const [, date, time = 'T00:00', zone = 'Z'] = ISO_8601.exec(value) ?? [];
  const epochMs = date === undefined ? NaN : Date.parse(`${date}T${time.slice(1)}${zone}`);
  // Date.parse rolls 2026-02-30 over into March instead of refusing it.
  const realDate = date !== undefined && new Date(Date.parse(`${date}T00:00Z`)).toISOString().startsWith(date);
  if (Number.isNaN(epochMs) || !realDate) throw new InvalidArgumentError(`must be ${TIME_ARGUMENT_HELP}`);
  return epochMs;
}

/** `key=value` options (repeatable) as an object; anything else is a usage error naming the option. */
export function keyValuePairs(option: string, pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const equals = pair.indexOf('=');
      if (equals <= 0) throw new UsageError(`${option}: "${pair}" must look like key=value`);
      return [pair.slice(0, equals), pair.slice(equals + 1)];
    }),
  );
}
