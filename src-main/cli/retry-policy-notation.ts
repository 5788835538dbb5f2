import { InvalidArgumentError } from 'commander';
import { parseInput, type FieldIssue } from '../../src-shared/contracts/contract-kit.ts';
import { DURATION_NOTATION_HINT, formatDurationNotation, parseDurationNotation } from '../../src-shared/domain/duration-notation.ts';
import { retryPolicySchema, type RetryPolicy } from '../../src-shared/domain/retry-policy.ts';
import { AppError } from '../../src-shared/errors.ts';

/**
 * The one-word form of a retry policy on the command line, read by `--retry` and printed by
 * `webhook list`, so what a listing shows can be pasted back:
 *   vendor                                                   the vendor profile's default
 *   fixed:30s,2m,10m                                         one delay per retry
 *   exponential:base=10s,factor=2,cap=1h,jitter=0.5,retries=5
 */
export const RETRY_POLICY_HELP =
  'vendor (the default), fixed:30s,2m,10m (one delay per retry) or exponential:base=10s,factor=2,cap=1h,jitter=0.5,retries=5 (factor defaults to 2, jitter to 0); durations in s, m, h or d';

function parseDuration(key: string, text: string): number {
  const ms = parseDurationNotation(text);
  if (ms === null) throw new InvalidArgumentError(`${key}: "${text}" is not a duration; write ${DURATION_NOTATION_HINT}`);
  return ms;
}

const EXPONENTIAL_KEYS = { base: 'baseMs', factor: 'factor', cap: 'maxMs', jitter: 'jitter', retries: 'retries' } as const;
type ExponentialKey = keyof typeof EXPONENTIAL_KEYS;
const DURATION_KEYS: ReadonlySet<string> = new Set(['base', 'cap']);
const EXPONENTIAL_DEFAULTS = { factor: 2, jitter: 0 };

function parseExponential(settings: string): Record<string, unknown> {
  const policy: Record<string, unknown> = { kind: 'exponential', ...EXPONENTIAL_DEFAULTS };
  for (const setting of settings.split(',')) {
    const [key, value] = setting.split('=', 2).map((part) => part.trim());
    if (!Object.hasOwn(EXPONENTIAL_KEYS, key) || value === undefined || value === '') {
      throw new InvalidArgumentError(
        `"${setting}" is not one of ${Object.keys(EXPONENTIAL_KEYS)
          .map((name) => `${name}=…`)
          .join(', ')}`,
      );
    }
    policy[EXPONENTIAL_KEYS[key as ExponentialKey]] = DURATION_KEYS.has(key) ? parseDuration(key, value) : Number(value);
  }
  return policy;
}

/** Names a broken rule the way the notation spells it: `cap: must not be below the first delay`. */
function notationIssue({ path, message }: FieldIssue): string {
  const interval = /^intervalsMs\[(\d+)\]$/.exec(path);
  if (interval) return `interval ${Number(interval[1]) + 1}: ${message}`;
  const key = (Object.keys(EXPONENTIAL_KEYS) as ExponentialKey[]).find((name) => EXPONENTIAL_KEYS[name] === path);
  return key ? `${key}: ${message}` : message;
}

/**
 * Commander parser for `--retry`, checked against the engine's own schema. Wrapped in an object
 * because commander turns a parser's null into '' (and null is how "the vendor's default" is said).
 */
export function parseRetryPolicy(text: string): { retryPolicy: RetryPolicy | null } {
  if (text === 'vendor') return { retryPolicy: null };
  const colon = text.indexOf(':');
  const [kind, settings] = colon < 0 ? [text, ''] : [text.slice(0, colon), text.slice(colon + 1)];
  let draft: Record<string, unknown>;
  if (kind === 'fixed' && settings !== '') {
    draft = { kind, intervalsMs: settings.split(',').map((delay, i) => parseDuration(`interval ${i + 1}`, delay)) };
  } else if (kind === 'exponential' && settings !== '') {
    draft = parseExponential(settings);
  } else {
    throw new InvalidArgumentError(`must be ${RETRY_POLICY_HELP}`);
  }
  try {
    return { retryPolicy: parseInput(retryPolicySchema, draft) };
  } catch (error) {
    const issues = error instanceof AppError ? (error.details as { issues?: FieldIssue[] } | undefined)?.issues : undefined;
    if (!issues) throw error;
    throw new InvalidArgumentError(issues.map(notationIssue).join('; '));
  }
}

export function formatRetryPolicy(policy: RetryPolicy | null): string {
  if (policy === null) return 'vendor';
  if (policy.kind === 'fixed') return `fixed:${policy.intervalsMs.map(formatDurationNotation).join(',')}`;
  const { baseMs, factor, maxMs, jitter, retries } = policy;
  return `exponential:base=${formatDurationNotation(baseMs)},factor=${factor},cap=${formatDurationNotation(maxMs)},jitter=${jitter},retries=${retries}`;
}
