import { describe, expect, it } from 'vitest';
import { detachedCopy } from '../../../../src-shared/contracts/detached-copy.ts';
import { JSON_DEPTH_MAX } from '../../../../src-shared/domain/json-depth.ts';

const fireInput = () => ({
  eventName: 'Entitlement Added',
  entityId: 'ent-1',
  currentState: { entitlement: { id: 'ent-1', items: [{ seats: 5, tags: ['a', 'b'] }], expires: null, trial: false, note: undefined } },
});

describe('detachedCopy: what structuredClone gives for API input, sharing nothing with it', () => {
  it('plain data comes back equal to structuredClone’s copy, with no object of the input in it', () => {
    const input = fireInput();
    const copy = detachedCopy(input);
    expect(copy).toStrictEqual(structuredClone(input));
    expect(copy.currentState).not.toBe(input.currentState);
    expect(copy.currentState.entitlement.items[0]).not.toBe(input.currentState.entitlement.items[0]);
    input.currentState.entitlement.items[0]!.tags.push('changed later');
    expect(copy.currentState.entitlement.items[0]!.tags).toEqual(['a', 'b']);
  });

  it('a "__proto__" key stays a key of the copy and never becomes its prototype', () => {
    const input = JSON.parse('{"state": {"__proto__": {"polluted": true}, "ok": 1}}') as { state: Record<string, unknown> };
    const copy = detachedCopy(input);
    expect(Object.getPrototypeOf(copy.state)).toBe(Object.prototype);
    expect((copy.state as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(copy.state)).toEqual(['__proto__', 'ok']);
    expect(Object.getOwnPropertyDescriptor(copy.state, '__proto__')?.value).toEqual({ polluted: true });
  });

  it('dates, maps, sparse arrays and null-prototype objects are copied as structuredClone copies them', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { kept: 1 });
    // A hole at index 1.
    // biome-ignore lint/suspicious/noSparseArray: the hole is what this test copies.
    const input = { at, byName: new Map([['a', 1]]), sparse: [1, , 3], bare };
    const copy = detachedCopy(input);
    expect(copy).toStrictEqual(structuredClone(input));
    expect(copy.at).toBeInstanceOf(Date);
    expect(copy.at).not.toBe(at);
    expect(1 in copy.sparse).toBe(false);
  });

  it(`input nested more than ${JSON_DEPTH_MAX} levels, or a cycle, is refused with the path to the value too deep`, () => {
    const nested = (levels: number): unknown => (levels === 1 ? {} : { a: nested(levels - 1) });
    expect(detachedCopy({ deepest: nested(JSON_DEPTH_MAX - 1) })).toStrictEqual({ deepest: nested(JSON_DEPTH_MAX - 1) });
    const refusal = {
      code: 'invalid_input',
      details: { issues: [{ path: `deepest${'.a'.repeat(JSON_DEPTH_MAX - 1)}`, message: `nests objects or lists more than ${JSON_DEPTH_MAX} levels deep` }] },
    };
    expect(() => detachedCopy({ deepest: nested(JSON_DEPTH_MAX) })).toThrow(expect.objectContaining(refusal));

    class Holder {
      inner: unknown = nested(JSON_DEPTH_MAX);
    }
    expect(() => detachedCopy({ held: new Holder() })).toThrow(expect.objectContaining({ code: 'invalid_input' }));

    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(() => detachedCopy(cyclic)).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/^self\.self.* levels deep$/) }),
    );
  });

  it('what no transport can carry fails as structuredClone fails', () => {
    expect(() => detachedCopy({ callback: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => detachedCopy({ tag: Symbol('s') })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });
});
