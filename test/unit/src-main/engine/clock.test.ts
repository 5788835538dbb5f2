import { describe, expect, it } from 'vitest';
import { createScaledClock } from '../../../../src-main/engine/clock.ts';
import { ManualClock } from '../../../fixtures/manual-clock.ts';

const HOUR = 3_600_000;

describe('createScaledClock', () => {
  it('at scale 1 it is its base clock', () => {
    const base = new ManualClock();
    const clock = createScaledClock(base, 1);
    base.advance(1234);
    expect(clock.now()).toBe(base.now());
  });

  it('vendor time runs scale× faster; a vendor delay D fires after D/scale base ms', () => {
    const base = new ManualClock();
    const start = base.now();
    const clock = createScaledClock(base, 3600);
    const fired: number[] = [];
    clock.setTimer(HOUR, () => fired.push(clock.now()));
    base.advance(999);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(start + 999 * 3600);
    base.advance(1);
    expect(fired).toEqual([start + HOUR]);
  });

  it('changing the scale re-arms pending timers for what is left, at the new pace', () => {
    const base = new ManualClock();
    const start = base.now();
    const clock = createScaledClock(base, 60);
    const fired: number[] = [];
    clock.setTimer(HOUR, () => fired.push(clock.now()));
    base.advance(30_000); // half the vendor hour at 60×
    expect(clock.now()).toBe(start + HOUR / 2);
    clock.setScale(3600);
    expect(clock.now()).toBe(start + HOUR / 2);
    expect(base.pendingTimers()).toBe(1);
    base.advance(499);
    expect(fired).toEqual([]);
    base.advance(1);
    expect(fired).toEqual([start + HOUR]);
    expect(base.pendingTimers()).toBe(0);
  });

  it('vendor time never goes back when the scale is lowered', () => {
    const base = new ManualClock();
    const clock = createScaledClock(base, 3600);
    base.advance(1000);
    const before = clock.now();
    clock.setScale(1);
    expect(clock.now()).toBe(before);
    base.advance(10);
    expect(clock.now()).toBe(before + 10);
  });

  it('a cancelled timer never fires, before or after a scale change', () => {
    const base = new ManualClock();
    const clock = createScaledClock(base, 60);
    let fired = false;
    const cancel = clock.setTimer(60_000, () => (fired = true));
    cancel();
    clock.setScale(3600);
    base.advance(HOUR);
    expect(fired).toBe(false);
    expect(base.pendingTimers()).toBe(0);
  });

  it('reset puts vendor time back to the base clock; a pending timer keeps what was left of its delay', () => {
    const base = new ManualClock();
    const clock = createScaledClock(base, 3600);
    base.advance(60_000); // a minute at 3600× is two and a half days of vendor time
    expect(clock.now() - base.now()).toBe(60_000 * 3599);
    const fired: number[] = [];
    clock.setTimer(HOUR, () => fired.push(clock.now()));
    expect(clock.reset()).toBe(-60_000 * 3599);
    const resetAt = base.now();
    expect(clock.now()).toBe(resetAt);
    expect(clock.scale).toBe(3600);
    base.advance(999);
    expect(fired).toEqual([]);
    base.advance(1);
    // Due one vendor hour after the reset, not two and a half days later.
    expect(fired).toEqual([resetAt + HOUR]);
    clock.setScale(1);
    base.advance(5);
    expect(clock.now()).toBe(base.now() + HOUR - 1000);
  });

  it('a delay that is not a whole number of base ms fires no earlier than due in vendor time', () => {
    const base = new ManualClock();
    const clock = createScaledClock(base, 3600);
    const due = clock.now() + 300_000;
    const seen: number[] = [];
    clock.setTimer(300_000, () => seen.push(clock.now()));
    base.advance(83);
    expect(seen).toEqual([]);
    base.advance(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThanOrEqual(due);
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => createScaledClock(new ManualClock(), 0)).toThrow(RangeError);
    expect(() => createScaledClock(new ManualClock(), 1).setScale(Number.NaN)).toThrow(RangeError);
  });
});
