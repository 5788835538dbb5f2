import { describe, expect, it } from 'vitest';
import { printCondition, pruneConditionGroup, quoteConditionString } from '../../../../src-shared/conditions/condition-builder.ts';
import type { ConditionGroup } from '../../../../src-shared/domain/condition.ts';

const row = (path: string, value: string, operator: '==' | '!=' = '==') => ({ kind: 'row' as const, path, operator, value });

describe('builder → expression', () => {
  it('prints the seed walkthrough from nested And/Or groups', () => {
    const group: ConditionGroup = {
      kind: 'group',
      operator: 'or',
      items: [
        { kind: 'group', operator: 'and', items: [row('entitlement.customer.name', 'Sam Smith'), row('entitlement.state', 'ENABLE')] },
        row('entitlement.contact.externalId', '617AWUD'),
      ],
    };
    expect(printCondition(group)).toBe(
      "(entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || entitlement.contact.externalId == '617AWUD'",
    );
  });

  it('escapes quotes and backslashes in values', () => {
    expect(quoteConditionString("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    expect(printCondition({ kind: 'group', operator: 'and', items: [row('entitlement.customer.name', "O'Brien", '!=')] })).toBe(
      "entitlement.customer.name != 'O\\'Brien'",
    );
  });

  it('drops rows without an attribute and empty groups, and unwraps groups of one', () => {
    const pruned = pruneConditionGroup({
      kind: 'group',
      operator: 'and',
      items: [
        row('', 'x'),
        { kind: 'group', operator: 'or', items: [row(' entitlement.state ', 'ENABLE'), row('', '')] },
        { kind: 'group', operator: 'or', items: [] },
      ],
    });
    expect(pruned).toEqual({ kind: 'group', operator: 'and', items: [row('entitlement.state', 'ENABLE')] });
    expect(printCondition(pruned)).toBe("entitlement.state == 'ENABLE'");
  });
});
