import { readFileSync } from 'node:fs';
import { UsageError } from './cli-error.ts';

/** A file named on the command line (`-` is standard input when `stdin` allows it); unreadable is a usage error naming the option. */
export function readTextFile(option: string, file: string, { stdin = false } = {}): string {
  try {
    return readFileSync(stdin && file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${file}: ${(error as Error).message}`);
  }
}

/** A JSON object from a file named on the command line; anything else is a usage error naming the option. */
export function readJsonObjectFile(option: string, file: string): Record<string, unknown> {
  const text = readTextFile(option, file);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${option}: ${file} is not a JSON object (${(error as Error).message})`);
  }
}
