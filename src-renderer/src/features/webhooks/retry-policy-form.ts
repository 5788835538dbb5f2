import { DURATION_NOTATION_HINT, formatDurationNotation, parseDurationNotation } from '../../../../src-shared/domain/duration-notation.ts';
import type { RetryPolicy } from '../../../../src-shared/domain/retry-policy.ts';

export const RETRY_MODES = ['vendor', 'fixed', 'exponential'] as const;
export type RetryMode = (typeof RETRY_MODES)[number];

/** The retry part of the webhook form, as typed: durations in the 30s / 2m / 1h notation. */
export interface RetryFormValues {
  mode: RetryMode;
  intervals: string;
  base: string;
  factor: string;
  cap: string;
  jitter: string;
  retries: string;
}

export type RetryField = 'retryIntervals' | 'retryBase' | 'retryFactor' | 'retryCap' | 'retryJitter' | 'retryCount';

export const RETRY_FIELD_LABELS: Record<RetryField, string> = {
  retryIntervals: 'Intervals',
  retryBase: 'First delay',
  retryFactor: 'Factor',
  retryCap: 'Cap',
  retryJitter: 'Jitter',
  retryCount: 'Retries',
};

export const RETRY_FIELDS = Object.keys(RETRY_FIELD_LABELS) as RetryField[];

/** What a custom policy starts from when the user switches to it: a sensible example to edit. */
const STARTING_VALUES: Omit<RetryFormValues, 'mode'> = {
  intervals: '30s, 2m, 10m',
  base: '30s',
  factor: '2',
  cap: '1h',
  jitter: '0.2',
  retries: '5',
};

export function retryValuesOf(policy: RetryPolicy | null): RetryFormValues {
  if (policy === null) return { mode: 'vendor', ...STARTING_VALUES };
  if (policy.kind === 'fixed') {
    return { ...STARTING_VALUES, mode: 'fixed', intervals: policy.intervalsMs.map(formatDurationNotation).join(', ') };
  }
  return {
    ...STARTING_VALUES,
    mode: 'exponential',
    base: formatDurationNotation(policy.baseMs),
    factor: String(policy.factor),
    cap: formatDurationNotation(policy.maxMs),
    jitter: String(policy.jitter),
    retries: String(policy.retries),
  };
}

/** The policy the engine is sent; what cannot be read as a duration or number is NaN, which its schema refuses. */
export function retryPolicyOf(values: RetryFormValues): RetryPolicy | null {
  const duration = (text: string) => parseDurationNotation(text) ?? Number.NaN;
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  switch (values.mode) {
    case 'vendor':
      return null;
    case 'fixed':
      return { kind: 'fixed', intervalsMs: intervalTexts(values.intervals).map(duration) };
    case 'exponential':
      return {
        kind: 'exponential',
        baseMs: duration(values.base),
        factor: number(values.factor),
        maxMs: duration(values.cap),
        jitter: number(values.jitter),
        retries: number(values.retries),
      };
  }
}

function intervalTexts(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export const notationError = (text: string) => `“${text}” is not a duration: write ${DURATION_NOTATION_HINT}`;

/**
 * What only the notation can say (the engine's schema sees just NaN): which text is not a
 * duration. These win over the schema's messages for the same field.
 */
export function retryNotationErrors(values: RetryFormValues): Partial<Record<RetryField, string>> {
  const errors: Partial<Record<RetryField, string>> = {};
  if (values.mode === 'fixed') {
    const bad = intervalTexts(values.intervals).find((text) => parseDurationNotation(text) === null);
    if (bad !== undefined) errors.retryIntervals = notationError(bad);
  }
  if (values.mode === 'exponential') {
    if (parseDurationNotation(values.base) === null) errors.retryBase = notationError(values.base.trim());
    if (parseDurationNotation(values.cap) === null) errors.retryCap = notationError(values.cap.trim());
  }
  return errors;
}

const FIELD_OF_KEY: Record<string, RetryField> = {
  intervalsMs: 'retryIntervals',
  baseMs: 'retryBase',
  factor: 'retryFactor',
  maxMs: 'retryCap',
  jitter: 'retryJitter',
  retries: 'retryCount',
};

/** `retryPolicy.intervalsMs[2]` → retryIntervals; null for paths outside the retry policy. */
export function retryFieldOfPath(path: string): RetryField | null {
  const [head, key = ''] = path.split(/[.[\]]/).filter(Boolean);
  if (head !== 'retryPolicy') return null;
  return FIELD_OF_KEY[key] ?? 'retryIntervals';
}
