import { compileCondition, type CompiledCondition } from './condition-compiler.ts';

/** Enough for every webhook of a large workspace plus the editor's recent keystrokes. */
const CACHE_SIZE = 500;

const cache = new Map<string, CompiledCondition>();

/**
 * Compiled conditions by their text, least recently used dropped first. The engine matches every
 * fired event against its webhooks' conditions, and the editor re-evaluates on every keystroke
 * against a changing sample: both hit this instead of parsing again.
 */
export function cachedCondition(text: string): CompiledCondition {
  const hit = cache.get(text);
  if (hit) {
    // Re-inserting moves the entry to the young end of the Map's insertion order.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const compiled = compileCondition(text);
  cache.set(text, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return compiled;
}

export function conditionCacheSize(): number {
  return cache.size;
}
