import { describe, expect, it } from 'vitest';
import { evaluationContextOf } from '../../../../src-main/conditions/evaluation-context.ts';

describe('the evaluation context of a JSON object', () => {
  const state = { entitlement: { state: 'ENABLE' } };

  it('an entity state is used as it is', () => {
    expect(evaluationContextOf(state)).toBe(state);
  });

  it('a Sentinel notification body gives its currentState, which is a JSON string (seed 002)', () => {
    const body = { eventName: 'Entitlement Added', entityName: 'Entitlement', currentState: JSON.stringify(state), previousState: '' };
    expect(evaluationContextOf(body)).toEqual(state);
    expect(evaluationContextOf({ ...body, currentState: state })).toEqual(state);
  });

  it('a body without data (Include Data No, or a delete) is an empty state', () => {
    expect(evaluationContextOf({ eventName: 'Entitlement Updated', currentState: '' })).toEqual({});
    expect(evaluationContextOf({ eventName: 'Entitlement Updated', currentState: null })).toEqual({});
  });

  it('a currentState that is not a JSON object is an error naming it', () => {
    expect(() => evaluationContextOf({ eventName: 'x', currentState: '{oops' })).toThrow(/currentState is not valid JSON/);
    expect(() => evaluationContextOf({ eventName: 'x', currentState: '[1]' })).toThrow(/currentState is not a JSON object/);
    expect(() => evaluationContextOf({ eventName: 'x', currentState: 5 })).toThrow(/currentState must be/);
  });
});
