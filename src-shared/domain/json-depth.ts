/**
 * How deeply objects and arrays may nest in anything that comes in (method input, workspace
 * files, capture files). Real payloads nest a dozen levels; far deeper input only overflows the
 * stack of whatever walks it next (zod, structuredClone, JSON.stringify, merge patches).
 */
export const JSON_DEPTH_MAX = 64;

/**
 * The path of the first object or array nested deeper than `max` levels (the outermost value is
 * level 1), or null. Walks with its own stack, so no input can overflow the call stack here.
 */
export function tooDeepPath(value: unknown, max = JSON_DEPTH_MAX): PropertyKey[] | null {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= max) return path;
    const entries: [PropertyKey, unknown][] = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
    for (const [key, item] of entries) {
      if (typeof item === 'object' && item !== null) pending.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

export const tooDeepMessage = `nests objects or lists more than ${JSON_DEPTH_MAX} levels deep`;
