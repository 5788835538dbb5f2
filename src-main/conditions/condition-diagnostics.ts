import type { ConditionDiagnostic } from '../../src-shared/domain/condition.ts';

/** 1-based line and column of an offset; columns count UTF-16 units, as Monaco does. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function conditionDiagnostic(text: string, start: number, end: number, message: string, expected?: string): ConditionDiagnostic {
  return { message, ...(expected ? { expected } : {}), start, end, ...lineAndColumn(text, start) };
}

/** The first error in a condition; the parser stops there, so later text is not second-guessed. */
export class ConditionSyntaxError extends Error {
  readonly diagnostic: ConditionDiagnostic;

  constructor(diagnostic: ConditionDiagnostic) {
    super(diagnostic.message);
    this.name = 'ConditionSyntaxError';
    this.diagnostic = diagnostic;
  }
}

/** `line 1, column 14: message (expected …)`: how the CLI and validation messages show a diagnostic. */
export function formatConditionDiagnostic(diagnostic: ConditionDiagnostic): string {
  const expected = diagnostic.expected ? ` (expected ${diagnostic.expected})` : '';
  return `line ${diagnostic.line}, column ${diagnostic.column}: ${diagnostic.message}${expected}`;
}
