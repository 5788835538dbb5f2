import { JSON_DEPTH_MAX, tooDeepPath } from '../domain/json-depth.ts';
import { checkInputDepth } from './contract-kit.ts';

class TooDeep extends Error {}

function copyValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) {
    // structuredClone throws its DataCloneError for these, as a transport would.
    return typeof value === 'function' || typeof value === 'symbol' ? structuredClone(value) : value;
  }
  // The outermost value is level 1, as tooDeepPath counts.
  if (depth >= JSON_DEPTH_MAX) throw new TooDeep();
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) {
      // A hole stays a hole, as structuredClone keeps them.
      if (index in value) copy[index] = copyValue(value[index], depth + 1);
    }
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Dates, maps, typed arrays, class instances: structuredClone's own rules, after the depth
  // check walks what it can see of them (their own fields), as checkInputDepth does.
  if (prototype !== Object.prototype && prototype !== null) {
    if (tooDeepPath(value, JSON_DEPTH_MAX - depth) !== null) throw new TooDeep();
    return structuredClone(value);
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = copyValue((value as Record<string, unknown>)[key], depth + 1);
    // Assigning "__proto__" would set the copy's prototype instead of adding the key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    else copy[key] = field;
  }
  return copy;
}

/**
 * What structuredClone gives for the data API calls carry (plain objects, arrays, primitives),
 * about six times faster: the in-process API copies every input, as a transport would, so a
 * handler never holds its caller's objects. Anything else is left to structuredClone itself.
 * Unlike structuredClone, an object reached twice is copied twice.
 *
 * The copy is also the input's depth check: input nested more than JSON_DEPTH_MAX levels (a
 * cycle among them) is refused with checkInputDepth's error, so nothing walks the input twice.
 */
export function detachedCopy<T>(value: T): T {
  try {
    return copyValue(value, 0) as T;
  } catch (error) {
    // Only now is the path to the deep value put together.
    if (error instanceof TooDeep) checkInputDepth(value);
    throw error;
  }
}
