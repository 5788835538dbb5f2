import { AppError } from '../../src-shared/errors.ts';

/** Exit codes: 1 for failures, 2 for bad arguments (the caller can fix the command line). */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Field names of the contract, as the CLI spells them. */
export type OptionNames = Record<string, string>;

/**
 * Rewrites `endpointUrl: must …` into `--url: must …` so the message names what the user typed.
 * A name for a whole path (`target.url`) wins over its root's (`target`).
 */
export function toUsageError(error: AppError, names: OptionNames): UsageError {
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  if (!issues) return new UsageError(error.message);
  const message = issues
    .map(({ path, message: rule }) => {
      if (Object.hasOwn(names, path)) return `${names[path]}: ${rule}`;
      const root = path.split(/[.[]/, 1)[0];
      const option = names[root];
      return option ? `${option}${path.slice(root.length).replace(/^\[\d+\]/, (m) => ` ${m}`)}: ${rule}` : `${path}: ${rule}`;
    })
    .join('; ');
  return new UsageError(message);
}

/** The contract's field errors, as the options the user typed (exit 2); any other error as it is. */
export async function withUsageErrors<T>(names: OptionNames, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') throw toUsageError(error, names);
    throw error;
  }
}
