import type { PathSegment } from './condition-ast.ts';

/** Every value a path reaches in the evaluation context; empty when the path is missing. */
export type PathReader = (root: unknown) => unknown[];

/**
 * Only data is walked: own properties of plain objects and elements of arrays. A name is never
 * looked up on the prototype chain, so `constructor`, `__proto__`, `toString` or `length` reach
 * nothing a payload did not itself contain, and no function value can ever be reached from JSON.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function ownProperty(value: unknown, name: string): unknown {
  return isPlainObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
}

/** Depth-first into `found`: one output list, no list per step (a [*] may fan out to thousands). */
function collect(value: unknown, segments: readonly PathSegment[], at: number, found: unknown[]): void {
  if (at === segments.length) {
    found.push(value);
    return;
  }
  const segment = segments[at]!;
  switch (segment.kind) {
    case 'name': {
      const child = ownProperty(value, segment.name);
      if (child !== undefined) collect(child, segments, at + 1, found);
      return;
    }
    case 'anyProperty':
      if (isPlainObject(value)) for (const child of Object.values(value)) collect(child, segments, at + 1, found);
      return;
    case 'anyElement':
      if (Array.isArray(value)) for (const child of value) if (child !== undefined) collect(child, segments, at + 1, found);
      return;
    case 'index':
      if (Array.isArray(value) && segment.index < value.length && value[segment.index] !== undefined) {
        collect(value[segment.index], segments, at + 1, found);
      }
      return;
  }
}

/**
 * Compiled once per condition. Paths made of names and indexes (the common case) walk one value
 * without building lists; a wildcard fans out into every value it reaches.
 */
export function compilePath(segments: readonly PathSegment[]): PathReader {
  if (segments.every((segment) => segment.kind === 'name' || segment.kind === 'index')) {
    return (root) => {
      let value: unknown = root;
      for (const segment of segments) {
        if (segment.kind === 'name') {
          value = ownProperty(value, segment.name);
        } else {
          value = Array.isArray(value) && segment.index < value.length ? value[segment.index] : undefined;
        }
        if (value === undefined) return [];
      }
      return [value];
    };
  }
  return (root) => {
    const found: unknown[] = [];
    collect(root, segments, 0, found);
    return found;
  };
}

/**
 * Conditions compare with quoted strings only (seed 002: the value in quotes "is a string"). A
 * number or boolean in the payload matches its text (5 == '5', true == 'true'), as Sentinel's
 * builder writes every value as text; null, objects and arrays equal no string.
 */
export function equalsText(value: unknown, text: string): boolean {
  switch (typeof value) {
    case 'string':
      return value === text;
    case 'number':
    case 'boolean':
      return String(value) === text;
    default:
      return false;
  }
}
