import { describe, expect, it } from 'vitest';
import { detachedCopy } from '../../../../src-shared/contracts/detached-copy.ts';

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

  it('dates, maps, sparse arrays, null-prototype objects and cycles are copied as structuredClone copies them', () => {
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

    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const cycleCopy = detachedCopy(cyclic);
    expect(cycleCopy.self).toBe(cycleCopy);
    expect(cycleCopy).not.toBe(cyclic);
  });

  it('what no transport can carry fails as structuredClone fails', () => {
    expect(() => detachedCopy({ callback: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => detachedCopy({ tag: Symbol('s') })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });
});
