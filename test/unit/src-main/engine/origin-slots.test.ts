import { describe, expect, it } from 'vitest';
import { OriginSlots } from '../../../../src-main/engine/origin-slots.ts';

const A = 'http://127.0.0.1:7001';
const B = 'https://example.com';

describe('OriginSlots', () => {
  it('counts tries per origin and reports an origin full at its bound, and only that one', () => {
    const slots = new OriginSlots(2);
    slots.take(A);
    expect(slots.roomAt(A)).toBe(1);
    expect(slots.full()).toEqual([]);
    slots.take(A);
    slots.take(B);
    expect(slots.full()).toEqual([A]);
    expect(slots.roomAt(A)).toBe(0);
    expect(slots.roomAt(B)).toBe(1);
    expect(slots.inFlightAt(A)).toBe(2);
  });

  it('a released slot is room again; an origin with nothing in flight is forgotten', () => {
    const slots = new OriginSlots(1);
    slots.take(A);
    slots.release(A);
    expect(slots.roomAt(A)).toBe(1);
    expect(slots.inFlightAt(A)).toBe(0);
    expect(slots.full()).toEqual([]);
  });

  it('refuses to release a slot that was not taken, and a bound below 1', () => {
    expect(() => new OriginSlots(1).release(A)).toThrow(`No try is in flight at ${A}`);
    expect(() => new OriginSlots(0)).toThrow('perOrigin must be a whole number of at least 1, not 0');
  });
});
