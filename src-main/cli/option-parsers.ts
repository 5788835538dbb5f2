import { InvalidArgumentError } from 'commander';

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

export function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
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
