import { isJsonObject } from '../domain/json-object.ts';

/** Attribute paths of a sample payload, written as trigger conditions address them. */
export interface PayloadPath {
  path: string;
  /** A value found there, to show next to the completion. */
  example: unknown;
}

/**
 * Every leaf path of `payload` (arrays as `[*]`, so elements share their paths and the first
 * one's value is the example), breadth-first so short paths come first; at most `limit`.
 */
export function listPayloadPaths(payload: unknown, limit = 2000): PayloadPath[] {
  const found = new Map<string, unknown>();
  let level: Array<[string, unknown]> = [['', payload]];
  while (level.length > 0 && found.size < limit) {
    const next: Array<[string, unknown]> = [];
    for (const [prefix, value] of level) {
      if (Array.isArray(value)) {
        for (const element of value) next.push([`${prefix}[*]`, element]);
      } else if (isJsonObject(value)) {
        for (const [key, child] of Object.entries(value)) next.push([prefix ? `${prefix}.${key}` : key, child]);
      } else if (prefix && !found.has(prefix)) {
        found.set(prefix, value);
        if (found.size >= limit) break;
      }
    }
    level = next;
  }
  return [...found].map(([path, example]) => ({ path, example }));
}

const SEGMENT = /([^.[\]]+)|\[(\*|\d+)\]/g;

/**
 * The values a path reaches (several through `*` or `[*]`); own properties only. For hovers in the
 * editor: the engine's evaluator decides what a condition means.
 */
export function valuesAtPath(payload: unknown, path: string): unknown[] {
  let current: unknown[] = [payload];
  for (const match of path.matchAll(SEGMENT)) {
    const [, key, index] = match;
    const next: unknown[] = [];
    for (const value of current) {
      if (index === '*' || key === '*') {
        if (Array.isArray(value) && index === '*') next.push(...value);
        else if (isJsonObject(value) && key === '*') next.push(...Object.values(value));
      } else if (index !== undefined) {
        if (Array.isArray(value) && Number(index) < value.length) next.push(value[Number(index)]);
      } else if (isJsonObject(value) && Object.hasOwn(value, key)) {
        next.push(value[key]);
      }
    }
    current = next;
  }
  return current;
}
