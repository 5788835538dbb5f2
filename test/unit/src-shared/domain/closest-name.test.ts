import { describe, expect, it } from 'vitest';
import { closestName } from '../../../../src-shared/domain/closest-name.ts';

const EVENTS = ['Entitlement Added', 'Entitlement Updated', 'Entitlement Deleted', 'Activation Added'];

describe('closestName', () => {
  it('suggests the candidate fewest edits away, ignoring case', () => {
    expect(closestName('Entitlment Added', EVENTS)).toBe('Entitlement Added');
    expect(closestName('entitlement updated', EVENTS)).toBe('Entitlement Updated');
    expect(closestName('Entitlement Delted', EVENTS)).toBe('Entitlement Deleted');
  });

  it('suggests nothing when every candidate is more than a few edits away (fewer for short names)', () => {
    expect(closestName('Nope', EVENTS)).toBeNull();
    expect(closestName('Order Shipped', EVENTS)).toBeNull();
    expect(closestName('abc', ['abd'])).toBe('abd');
    expect(closestName('abc', ['xyz'])).toBeNull();
    expect(closestName('anything', [])).toBeNull();
  });
});
