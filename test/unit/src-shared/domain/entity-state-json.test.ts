import { describe, expect, it } from 'vitest';
import { entityStateJson } from '../../../../src-shared/domain/entity-state-json.ts';

describe('entityStateJson', () => {
  it('is JSON.stringify of the state, the same text each time it is asked for', () => {
    const state = { entitlement: { id: 'ent-1', seats: 5, tags: ['a'], expires: null } };
    expect(entityStateJson(state)).toBe(JSON.stringify(state));
    expect(entityStateJson(state)).toBe(entityStateJson(state));
  });

  it('two states with different contents never share a text', () => {
    expect(entityStateJson({ seats: 1 })).toBe('{"seats":1}');
    expect(entityStateJson({ seats: 2 })).toBe('{"seats":2}');
  });
});
