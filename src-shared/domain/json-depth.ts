/**
 * How deeply objects and arrays may nest in anything that comes in (method input, workspace
 * files, capture files). Real payloads nest a dozen levels; far deeper input only overflows the
 * stack of whatever walks it next (zod, structuredClone, JSON.stringify, merge patches).
 */
export const JSON_DEPTH_MAX = 64;

/** A nested object or array met by the walk, with the way back to the outermost value. */
interface Nested {
  value: object;
  key: PropertyKey;
  parent: Nested | null;
  depth: number;
}

/**
 * The path of the first object or array nested deeper than `max` levels (the outermost value is
 * level 1), or null. Walks with its own stack, so no input can overflow the call stack here. Every
 * method call's input is walked: a path is only put together for the value that is too deep.
 */
export function tooDeepPath(value: unknown, max = JSON_DEPTH_MAX): PropertyKey[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const pending: Nested[] = [{ value, key: '', parent: null, depth: 0 }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.depth >= max) return pathTo(current);
    const depth = current.depth + 1;
    if (Array.isArray(current.value)) {
      current.value.forEach((item: unknown, index) => {
        if (typeof item === 'object' && item !== null) pending.push({ value: item, key: index, parent: current, depth });
      });
      continue;
    }
    for (const key in current.value) {
      if (!Object.hasOwn(current.value, key)) continue;
      const item = (current.value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) pending.push({ value: item, key, parent: current, depth });
    }
  }
  return null;
}

function pathTo(nested: Nested): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Nested | null = nested; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
}

export const tooDeepMessage = `nests objects or lists more than ${JSON_DEPTH_MAX} levels deep`;
