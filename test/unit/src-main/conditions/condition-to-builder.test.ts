import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../../src-main/conditions/condition-parser.ts';
import { toConditionBuilder } from '../../../../src-main/conditions/condition-to-builder.ts';
import { printCondition } from '../../../../src-shared/conditions/condition-builder.ts';
import type { ConditionGroup, ConditionRow } from '../../../../src-shared/domain/condition.ts';

function builderOf(text: string) {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.diagnostic.message}`);
  return toConditionBuilder(parsed.node);
}

const row = (path: string, value: string, operator: '==' | '!=' = '=='): ConditionRow => ({ kind: 'row', path, operator, value });

describe('text → builder', () => {
  it('one comparison is a top group with one row', () => {
    expect(builderOf("entitlement.state != 'CLOSE'")).toEqual({
      builder: { kind: 'group', operator: 'and', items: [row('entitlement.state', 'CLOSE', '!=')] },
    });
  });

  it('parentheses around everything are the top group itself, however many', () => {
    const expected = { kind: 'group', operator: 'or', items: [row('a', '1'), row('b', '2')] };
    expect(builderOf("a == '1' || b == '2'").builder).toEqual(expected);
    expect(builderOf("((a == '1' || b == '2'))").builder).toEqual(expected);
  });

  it("[*] paths are shown; [n] and * are not, with a note naming the symbol, as in Sentinel's dialog", () => {
    expect(builderOf("entitlement.productKeys.productKey[*].state == 'ENABLE'").builder).not.toBeNull();
    const indexed = builderOf("a == 'x' && entitlement.productKeys.productKey[1].state == 'ENABLE'");
    expect(indexed.builder).toBeNull();
    expect(indexed.builderNote).toMatch(/array index \[1\] \(in entitlement\.productKeys\.productKey\[1\]\.state\).*only the \[\*\]/);
    expect(builderOf("entitlement.customer.* == 'x'").builderNote).toMatch(/property wildcard \*/);
  });
});

/** Identifiers, each optionally followed by [*]: the paths Sentinel's dialog can build. */
const pathArbitrary = fc
  .array(fc.tuple(fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,6}$/), fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((segments) => segments.map(([name, all]) => (all ? `${name}[*]` : name)).join('.'));

const rowArbitrary: fc.Arbitrary<ConditionRow> = fc.record({
  kind: fc.constant('row' as const),
  path: pathArbitrary,
  operator: fc.constantFrom('==' as const, '!=' as const),
  value: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom("O'Brien", '\\', "\\'", '"', '\n', '', ' x ')),
});

/**
 * Builder models in normal form: no empty groups; a nested group has at least two items; a top
 * group with a single item holds a row and says "and" (one item has no operator to show).
 */
const { group: nestedGroup } = fc.letrec<{ group: ConditionGroup; item: ConditionRow | ConditionGroup }>((tie) => ({
  group: fc.record({
    kind: fc.constant('group' as const),
    operator: fc.constantFrom('and' as const, 'or' as const),
    items: fc.array(tie('item'), { minLength: 2, maxLength: 4 }),
  }),
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, rowArbitrary, tie('group')),
}));
const builderArbitrary: fc.Arbitrary<ConditionGroup> = fc.oneof(
  nestedGroup,
  rowArbitrary.map((single): ConditionGroup => ({ kind: 'group', operator: 'and', items: [single] })),
);

describe('builder ↔ text round trip (property)', () => {
  it('every builder model in normal form prints to text that parses back to the same model', () => {
    const depth = (item: ConditionRow | ConditionGroup): number => (item.kind === 'row' ? 0 : 1 + Math.max(...item.items.map(depth)));
    const seen = { deepest: 0, quoted: 0 };
    fc.assert(
      fc.property(builderArbitrary, (model) => {
        seen.deepest = Math.max(seen.deepest, depth(model));
        const text = printCondition(model);
        if (/\\/.test(text)) seen.quoted += 1;
        expect(builderOf(text)).toEqual({ builder: model });
      }),
      { numRuns: 1500 },
    );
    // The generator really does nest groups and escape values.
    expect(seen.deepest).toBeGreaterThanOrEqual(3);
    expect(seen.quoted).toBeGreaterThan(0);
  });
});
