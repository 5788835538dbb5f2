import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src-main/cli/cli-error.ts';
import { applyStateEdits, stateEdit, type StateEdit } from '../../../../src-main/cli/state-edits.ts';

/** As commander collects a repeated --set. */
const edits = (...texts: string[]) => texts.reduce<StateEdit[]>((list, text) => stateEdit(text, list), []);
const STATE = { entitlement: { state: 'ENABLE', eId: 'E-1', items: [{ quantity: 1 }, { quantity: 2 }] } };

describe('--set path=value', () => {
  it('reads the value as JSON when it parses, else as the text typed', () => {
    expect(stateEdit('a.b=5')).toEqual([{ path: 'a.b', steps: ['a', 'b'], value: 5 }]);
    expect(stateEdit('a=DISABLE')[0]!.value).toBe('DISABLE');
    expect(stateEdit('a="5"')[0]!.value).toBe('5');
    expect(stateEdit('a={"x":[true,null]}')[0]!.value).toEqual({ x: [true, null] });
    expect(stateEdit('a=')[0]!.value).toBe('');
    expect(stateEdit('a==b')[0]!.value).toBe('=b');
    expect(stateEdit('a.items[1].quantity=3')[0]!.steps).toEqual(['a', 'items', 1, 'quantity']);
  });

  it.each(['=5', 'noequals', '.a=1', 'a..b=1', 'a[x]=1', '[0]=1'])('refuses "%s" with the expected form', (text) => {
    expect(() => stateEdit(text)).toThrow(InvalidArgumentError);
    expect(() => stateEdit(text)).toThrow(/must be path=value/);
  });

  it('changes a copy, in order, through objects and array elements', () => {
    const edited = applyStateEdits(STATE, edits('entitlement.state=DISABLE', 'entitlement.items[1].quantity=9', 'entitlement.state=CLOSE'));
    expect(edited).toEqual({ entitlement: { state: 'CLOSE', eId: 'E-1', items: [{ quantity: 1 }, { quantity: 9 }] } });
    expect(STATE.entitlement.state).toBe('ENABLE');
  });

  it.each([
    ['entitlment.state=X', '--set entitlment.state: the state has no "entitlment"; did you mean "entitlement"?'],
    ['entitlement.stat=X', '--set entitlement.stat: `entitlement` has no "stat"; did you mean "state"?'],
    ['entitlement.items[2].quantity=1', '--set entitlement.items[2].quantity: `entitlement.items` has 2 elements, no [2]'],
    ['entitlement.state.x=1', '--set entitlement.state.x: `entitlement.state` is not an object'],
    ['entitlement[0]=1', '--set entitlement[0]: `entitlement` is not an array'],
    ['__proto__.polluted=1', '--set __proto__.polluted: the state has no "__proto__"'],
  ])('%s is refused naming the path', (text, message) => {
    const error = (() => {
      try {
        applyStateEdits(STATE, stateEdit(text));
        return null;
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message.startsWith(message)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
