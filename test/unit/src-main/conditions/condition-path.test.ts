import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../../../src-main/conditions/condition-ast.ts';
import { compilePath, equalsText } from '../../../../src-main/conditions/condition-path.ts';

const name = (value: string): PathSegment => ({ kind: 'name', name: value });
const path = (...segments: Array<string | PathSegment>) => compilePath(segments.map((segment) => (typeof segment === 'string' ? name(segment) : segment)));
const ANY_ELEMENT: PathSegment = { kind: 'anyElement' };
const ANY_PROPERTY: PathSegment = { kind: 'anyProperty' };
const index = (value: number): PathSegment => ({ kind: 'index', index: value });

describe('path readers', () => {
  const state = { a: { list: [{ v: 1 }, { v: 2 }, { w: 3 }], obj: { x: 'X', y: null, z: [] } } };

  it('names and indexes reach one value, or none when missing', () => {
    expect(path('a', 'list', index(1), 'v')(state)).toEqual([2]);
    expect(path('a', 'list', index(2), 'v')(state)).toEqual([]);
    expect(path('a', 'list', index(3), 'v')(state)).toEqual([]);
    expect(path('a', 'obj', 'y')(state)).toEqual([null]);
    expect(path('nope')(state)).toEqual([]);
  });

  it('wildcards fan out and skip what is missing', () => {
    expect(path('a', 'list', ANY_ELEMENT, 'v')(state)).toEqual([1, 2]);
    expect(path('a', 'obj', ANY_PROPERTY)(state)).toEqual(['X', null, []]);
    expect(path('a', 'list', ANY_ELEMENT, ANY_PROPERTY)(state)).toEqual([1, 2, 3]);
    expect(path('a', 'obj', 'z', ANY_ELEMENT)(state)).toEqual([]);
  });

  it('reads never throw, whatever the root is', () => {
    for (const root of [undefined, null, 0, 'text', [], {}, Object.create(null), () => 1, new Map([['a', 1]])]) {
      expect(path('a', ANY_ELEMENT, ANY_PROPERTY, index(0), 'b')(root)).toEqual([]);
      expect(path('a', 'b')(root)).toEqual([]);
    }
  });
});

describe('path readers only see data (conditions are data, seed-independent safety rule)', () => {
  it('inherited names reach nothing: constructor, __proto__, prototype, toString, hasOwnProperty', () => {
    const state = { entitlement: { customer: { name: 'X' } } };
    for (const inherited of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect(path(inherited)(state)).toEqual([]);
      expect(path('entitlement', inherited)(state)).toEqual([]);
      expect(path('entitlement', inherited, 'constructor')(state)).toEqual([]);
    }
  });

  it('arrays have no named properties here: not length, not map', () => {
    const state = { list: ['a', 'b'] };
    expect(path('list', 'length')(state)).toEqual([]);
    expect(path('list', 'map')(state)).toEqual([]);
    expect(path('list', '0')(state)).toEqual([]);
  });

  it('objects that are not plain data (dates, maps, functions, class instances) are opaque', () => {
    class Secret {
      token = 'hidden';
    }
    const state = { when: new Date(0), map: new Map([['k', 'v']]), fn: Object.assign(() => 1, { prop: 'p' }), secret: new Secret() };
    expect(path('when', 'getTime')(state)).toEqual([]);
    expect(path('map', 'k')(state)).toEqual([]);
    expect(path('map', 'size')(state)).toEqual([]);
    expect(path('fn', 'prop')(state)).toEqual([]);
    expect(path('fn', 'name')(state)).toEqual([]);
    expect(path('secret', 'token')(state)).toEqual([]);
    expect(path('secret', ANY_PROPERTY)(state)).toEqual([]);
  });

  it('a "__proto__" key in JSON is plain data of that object, and nothing leaks into Object.prototype', () => {
    const state = JSON.parse('{"entitlement": {"__proto__": {"polluted": "yes"}}}') as unknown;
    expect(path('entitlement', '__proto__', 'polluted')(state)).toEqual(['yes']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('comparing a value with a quoted string', () => {
  it('strings exactly; numbers and booleans by their text; nothing else', () => {
    expect(equalsText('ENABLE', 'ENABLE')).toBe(true);
    expect(equalsText('ENABLE', 'enable')).toBe(false);
    expect(equalsText(5, '5')).toBe(true);
    expect(equalsText(5, '5.0')).toBe(false);
    expect(equalsText(false, 'false')).toBe(true);
    expect(equalsText(null, 'null')).toBe(false);
    expect(equalsText(undefined, 'undefined')).toBe(false);
    expect(equalsText({ toString: () => 'x' }, 'x')).toBe(false);
    expect(equalsText(['x'], 'x')).toBe(false);
  });
});
