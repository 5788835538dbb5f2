import { describe, expect, it } from 'vitest';
import { cachedCondition, conditionCacheSize } from '../../../../src-main/conditions/condition-cache.ts';

describe('compiled condition cache', () => {
  it('the same text is compiled once: later calls get the same compiled condition', () => {
    const first = cachedCondition("entitlement.state == 'ENABLE'");
    expect(first.kind).toBe('valid');
    expect(cachedCondition("entitlement.state == 'ENABLE'")).toBe(first);
  });

  it('errors are cached too, so an invalid condition is not re-parsed on every event', () => {
    const broken = cachedCondition('entitlement.state ==');
    expect(broken.kind).toBe('invalid');
    expect(cachedCondition('entitlement.state ==')).toBe(broken);
  });

  it('is bounded: the least recently used text is dropped first', () => {
    const kept = cachedCondition("kept == 'yes'");
    for (let index = 0; index < 1000; index += 1) {
      cachedCondition(`filler${index} == 'x'`);
      if (index % 100 === 0) cachedCondition("kept == 'yes'");
    }
    expect(conditionCacheSize()).toBeLessThanOrEqual(500);
    expect(cachedCondition("kept == 'yes'")).toBe(kept);
    const early = cachedCondition("filler0 == 'x'");
    expect(cachedCondition("filler0 == 'x'")).toBe(early);
  });
});
