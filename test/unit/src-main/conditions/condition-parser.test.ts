import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH, parseCondition } from '../../../../src-main/conditions/condition-parser.ts';
import type { ConditionDiagnostic } from '../../../../src-shared/domain/condition.ts';

function diagnosticOf(text: string): ConditionDiagnostic {
  const parsed = parseCondition(text);
  if (parsed.ok) throw new Error(`parsed: ${text}`);
  return parsed.diagnostic;
}

/** Where the diagnostic points, marked in the text: `a ⟦=⟧ 'x'`. */
function marked(text: string): string {
  const { start, end } = diagnosticOf(text);
  return `${text.slice(0, start)}⟦${text.slice(start, end)}⟧${text.slice(end)}`;
}

describe('parsing', () => {
  it('a comparison: its canonical path, operator, unescaped value and span', () => {
    const parsed = parseCondition("  entitlement . productKeys.productKey[ * ].item[2].*  !=  'it\\'s'  ");
    expect(parsed).toEqual({
      ok: true,
      node: {
        kind: 'comparison',
        path: {
          text: 'entitlement.productKeys.productKey[*].item[2].*',
          segments: [
            { kind: 'name', name: 'entitlement' },
            { kind: 'name', name: 'productKeys' },
            { kind: 'name', name: 'productKey' },
            { kind: 'anyElement' },
            { kind: 'name', name: 'item' },
            { kind: 'index', index: 2 },
            { kind: 'anyProperty' },
          ],
          start: 2,
          end: 53,
        },
        operator: '!=',
        value: "it's",
        start: 2,
        end: 66,
      },
    });
  });

  it('unparenthesized chains are one group; parentheses always make a group of their own', () => {
    const shape = (text: string) => {
      const parsed = parseCondition(text);
      if (!parsed.ok) throw new Error(parsed.diagnostic.message);
      const walk = (node: typeof parsed.node): unknown =>
        node.kind === 'comparison' ? node.path.text : { [node.parenthesized ? `(${node.operator})` : node.operator]: node.items.map(walk) };
      return walk(parsed.node);
    };
    expect(shape("a == '1' && b == '1' && c == '1'")).toEqual({ and: ['a', 'b', 'c'] });
    expect(shape("a == '1' || b == '1' && c == '1'")).toEqual({ or: ['a', { and: ['b', 'c'] }] });
    expect(shape("(a == '1' && b == '1') && c == '1'")).toEqual({ and: [{ '(and)': ['a', 'b'] }, 'c'] });
    expect(shape("(a == '1')")).toEqual({ '(and)': ['a'] });
    expect(shape("((a == '1' || b == '1'))")).toEqual({ '(and)': [{ '(or)': ['a', 'b'] }] });
  });

  it('names may be any Unicode identifier, and words like true or in are names inside a path', () => {
    expect(parseCondition("kunde.größe == 'x'").ok).toBe(true);
    expect(parseCondition("a.true.in.null == 'x'").ok).toBe(true);
    expect(parseCondition("$ref._id == 'x'").ok).toBe(true);
  });
});

describe('diagnostics: where, what, and what was expected', () => {
  it.each([
    ['unbalanced: ( never closed', "(a == 'x'", "(a == 'x'⟦⟧", /expected \) to close the \( at column 1/, '&&, || or ")"'],
    ['unbalanced: ) without (', "a == 'x')", "a == 'x'⟦)⟧", /no \( to close/, '&&, || or the end of the condition'],
    ['a dangling &&', "a == 'x' &&", "a == 'x' &&⟦⟧", /expected a condition after &&/, 'a path, e.g. entitlement.state, or "("'],
    ['a dangling || before )', "(a == 'x' || )", "(a == 'x' || ⟦)⟧", /after \|\|, before \)/, undefined],
    ['an operator first', "&& a == 'x'", "⟦&&⟧ a == 'x'", /before &&/, undefined],
    ['empty parentheses', '()', '(⟦)⟧', /nothing inside/, undefined],
    ['a comparison without a value', 'a ==', 'a ==⟦⟧', /nothing to compare with after ==/, "a 'quoted string'"],
    ['a path alone', 'entitlement.state', 'entitlement.state⟦⟧', /ends after the path entitlement\.state/, '== or !='],
    ['an unterminated string', "a == 'x", "a == ⟦'x⟧", /unterminated string: it needs a closing '/, "a closing '"],
    ['an unterminated double-quoted string', 'a == "x', 'a == ⟦"x⟧', /closing "/, 'a closing "'],
    ['= instead of ==', "a = 'x'", "a ⟦=⟧ 'x'", /= is not a comparison; write ==/, '== or !='],
    ['=== ', "a === 'x'", "a ⟦===⟧ 'x'", /write ==/, undefined],
    ['>', "a > '1'", "a ⟦>⟧ '1'", /> is not supported/, '== or !='],
    ['<=', "a <= '1'", "a ⟦<=⟧ '1'", /<= is not supported/, undefined],
    ['+', "a + 'b' == 'c'", "a ⟦+⟧ 'b' == 'c'", /arithmetic \(\+\)/, undefined],
    ['in', "a in 'abc'", "a ⟦in⟧ 'abc'", /in is not supported/, undefined],
    ['!', "!(a == 'x')", "⟦!⟧(a == 'x')", /! \(not\) is not supported/, undefined],
    ['a ternary', "a == 'x' ? b : c", "a == 'x' ⟦?⟧ b : c", /\? : operator/, undefined],
    ['a function call', "lower(a) == 'x'", "lower⟦(⟧a) == 'x'", /function calls are not allowed/, undefined],
    ['a method call', "a.toString() == 'x'", "a.toString⟦(⟧) == 'x'", /function calls are not allowed/, undefined],
    ['a transform', "a|lower == 'x'", "a⟦|⟧lower == 'x'", /transforms \(\|name\) are not allowed/, undefined],
    ['a single &', "a == 'x' & b == 'y'", "a == 'x' ⟦&⟧ b == 'y'", /write && for and/, undefined],
    ['two comparisons without && or ||', "a == 'x' b == 'y'", "a == 'x' ⟦b⟧ == 'y'", /join conditions with && or \|\|/, undefined],
    ['a chained comparison', "a == 'x' == 'y'", "a == 'x' ⟦==⟧ 'y'", /one == or !=/, undefined],
    ['an empty path segment', "a..b == 'x'", "a.⟦.⟧b == 'x'", /empty path segment/, 'a property name or *'],
    ['a path ending with .', "a. == 'x'", "a. ⟦==⟧ 'x'", /must follow \./, undefined],
    ['a path starting with .', ".a == 'x'", "⟦.⟧a == 'x'", /starts with a name/, undefined],
    ['a non-numeric index', "a[x] == 'y'", "a[⟦x⟧] == 'y'", /"x" is not an index/, 'an index 0, 1, … or *'],
    ['a quoted index', "a['b'] == 'y'", "a[⟦'b'⟧] == 'y'", /write \.name/, undefined],
    ['a negative index', "a[-1] == 'y'", "a[⟦-⟧1] == 'y'", /cannot be negative/, undefined],
    ['a fractional index', "a[1.5] == 'y'", "a[⟦1.5⟧] == 'y'", /whole number/, undefined],
    ['an unclosed [', "a[1 == 'y'", "a[1 ⟦==⟧ 'y'", /expected \] to close the \[ at column 2/, '"]"'],
    ['a number value', 'a == 5', 'a == ⟦5⟧', /write '5'/, "a 'quoted string'"],
    ['a true value', 'a == true', 'a == ⟦true⟧', /write 'true'/, undefined],
    ['a path as the value', 'a == b', 'a == ⟦b⟧', /not with another path/, undefined],
    ['a string first', "'x' == a", "⟦'x'⟧ == a", /starts with a path/, undefined],
    ['an array literal', "a == ['x']", "a == ⟦[⟧'x']", /array literals/, undefined],
    ['an object literal', "{a: 'x'}", "⟦{⟧a: 'x'}", /object literals/, undefined],
    ['a character jexl does not know', "a # 'x'", "a ⟦#⟧ 'x'", /unexpected character "#"/, '== or !='],
  ])('%s', (_case, text, where, message, expected) => {
    expect(marked(text)).toBe(where);
    const diagnostic = diagnosticOf(text);
    expect(diagnostic.message).toMatch(message);
    if (expected !== undefined) expect(diagnostic.expected).toBe(expected);
  });

  it('line and column are 1-based and count lines', () => {
    const text = "entitlement.state == 'ENABLE'\n  && entitlement.customer.name = 'Sam'";
    expect(diagnosticOf(text)).toMatchObject({ line: 2, column: 32, start: 61, end: 62 });
  });

  it('nesting deeper than the limit is a diagnostic, not a stack overflow', () => {
    const deep = `${'('.repeat(MAX_CONDITION_DEPTH + 1)}a == 'x'${')'.repeat(MAX_CONDITION_DEPTH + 1)}`;
    expect(diagnosticOf(deep).message).toMatch(/nest deeper than 64/);
    const limit = `${'('.repeat(MAX_CONDITION_DEPTH)}a == 'x'${')'.repeat(MAX_CONDITION_DEPTH)}`;
    expect(parseCondition(limit).ok).toBe(true);
    expect(diagnosticOf('('.repeat(4000)).message).toMatch(/nest deeper/);
  });
});

describe('no input throws: every string parses or gives one located diagnostic (property)', () => {
  const VALID = [
    "((entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || (entitlement.contact.externalId == '617AWUD'))",
    "entitlement.productKeys.productKey[*].item.itemProduct.product.nameVersion.name == 'TestProduct'",
    "entitlement.productKeys.productKey[1].item.itemProduct.product.nameVersion.name != 'It\\'s'",
    'entitlement.customer.* == "x" || a[0][*].b == \'\'',
  ];
  const PIECES = [
    '(',
    ')',
    '[',
    ']',
    '[*]',
    '.',
    '.*',
    '*',
    '==',
    '!=',
    '=',
    '&&',
    '||',
    '|',
    '&',
    "'",
    '"',
    '\\',
    ' ',
    '\n',
    'a',
    '0',
    '-1',
    '>',
    '!',
    ',',
    '?',
    ':',
    '{',
    '}',
    'constructor',
    '__proto__',
  ];

  const check = (text: string) => {
    const parsed = parseCondition(text);
    if (parsed.ok) return;
    const { start, end, line, column, message } = parsed.diagnostic;
    expect(message.length).toBeGreaterThan(0);
    expect(0 <= start && start <= end && end <= text.length).toBe(true);
    expect(line).toBe(text.slice(0, start).split('\n').length);
    expect(column).toBe(start - text.lastIndexOf('\n', start - 1));
  };

  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), check), { numRuns: 2000 });
  });

  it("strings made of the dialect's own symbols", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
        check,
      ),
      { numRuns: 3000 },
    );
  });

  it('valid expressions with characters deleted, inserted or swapped', () => {
    const mutation = fc
      .record({
        text: fc.constantFrom(...VALID),
        edits: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 4 }),
      })
      .map(({ text, edits }) =>
        edits.reduce((current, [at, kind, piece]) => {
          const index = at % (current.length + 1);
          if (kind === 0) return current.slice(0, index) + current.slice(index + 1);
          if (kind === 1) return current.slice(0, index) + piece + current.slice(index);
          return current.slice(0, index) + piece + current.slice(index + piece.length);
        }, text),
      );
    fc.assert(fc.property(mutation, check), { numRuns: 3000 });
  });
});
