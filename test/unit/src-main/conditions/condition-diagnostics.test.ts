import { describe, expect, it } from 'vitest';
import { conditionDiagnostic, formatConditionDiagnostic, lineAndColumn } from '../../../../src-main/conditions/condition-diagnostics.ts';

describe('condition diagnostics', () => {
  it('line and column are 1-based; a newline starts a new line', () => {
    const text = "a == 'x'\n&& b = 'y'";
    expect(lineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(text, 8)).toEqual({ line: 1, column: 9 });
    expect(lineAndColumn(text, 9)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn(text, 15)).toEqual({ line: 2, column: 7 });
    expect(lineAndColumn(text, text.length)).toEqual({ line: 2, column: 11 });
  });

  it('prints as "line L, column C: message (expected …)"', () => {
    const diagnostic = conditionDiagnostic("a = 'x'", 2, 3, '= is not a comparison; write ==', '== or !=');
    expect(diagnostic).toEqual({ message: '= is not a comparison; write ==', expected: '== or !=', start: 2, end: 3, line: 1, column: 3 });
    expect(formatConditionDiagnostic(diagnostic)).toBe('line 1, column 3: = is not a comparison; write == (expected == or !=)');
    expect(formatConditionDiagnostic(conditionDiagnostic('x', 0, 1, 'bad'))).toBe('line 1, column 1: bad');
  });
});
