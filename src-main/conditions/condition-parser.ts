import type { ComparisonOperator, ConditionDiagnostic } from '../../src-shared/domain/condition.ts';
import { printPath, type ComparisonNode, type ConditionNode, type ConditionPath, type GroupNode, type PathSegment } from './condition-ast.ts';
import { conditionDiagnostic, ConditionSyntaxError, lineAndColumn } from './condition-diagnostics.ts';
import { tokenize, type Token } from './condition-lexer.ts';

/** Deeper nesting than any person writes; the limit keeps parsing and evaluation off the stack's edge. */
export const MAX_CONDITION_DEPTH = 64;

const EXPECT_OPERAND = 'a path, e.g. entitlement.state, or "("';
const EXPECT_OPERATOR = '== or !=';
const EXPECT_VALUE = "a 'quoted string'";

/** Why a jexl operator (or a look-alike) is not part of Sentinel's dialect. */
function unsupportedSymbol(symbol: string): string | null {
  switch (symbol) {
    case '=':
      return '= is not a comparison; write ==';
    case '===':
      return '=== is not supported; write ==';
    case '!==':
      return '!== is not supported; write !=';
    case '>':
    case '>=':
    case '<':
    case '<=':
      return `${symbol} is not supported: trigger conditions compare with == and != only`;
    case '+':
    case '-':
    case '*':
    case '/':
    case '//':
    case '%':
    case '^':
      return `arithmetic (${symbol}) is not supported in trigger conditions`;
    case '|':
      return 'transforms (|name) are not allowed in trigger conditions; write || for or';
    case '&':
      return '& is not an operator; write && for and';
    case '!':
      return '! (not) is not supported; compare with != instead';
    case '?':
    case ':':
      return 'the ? : operator is not supported in trigger conditions';
    case '{':
    case '}':
      return 'object literals are not supported in trigger conditions';
    default:
      return null;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the condition';
    case 'string':
    case 'unterminated':
      return 'a string';
    case 'number':
      return `the number ${token.value}`;
    default:
      return `"${token.value}"`;
  }
}

const isSymbol = (token: Token, symbol: string) => token.kind === 'symbol' && token.value === symbol;

class ConditionParser {
  private readonly text: string;
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;

  constructor(text: string) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  parse(): ConditionNode {
    const node = this.parseOr(null);
    const token = this.peek();
    if (token.kind !== 'end') this.failAfterCondition(token, 'the end of the condition');
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private fail(token: Token, message: string, expected?: string): never {
    // A broken token explains itself better than whatever was expected there.
    if (token.kind === 'unterminated') {
      const quote = this.text[token.start];
      throw this.error(token, `unterminated string: it needs a closing ${quote}`, `a closing ${quote}`);
    }
    if (token.kind === 'invalid') throw this.error(token, `unexpected character "${token.value}"`, expected);
    throw this.error(token, message, expected);
  }

  private error(token: Token, message: string, expected?: string): ConditionSyntaxError {
    return new ConditionSyntaxError(conditionDiagnostic(this.text, token.start, token.end, message, expected));
  }

  private where(token: Token): string {
    const { line, column } = lineAndColumn(this.text, token.start);
    return line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
  }

  private parseOr(after: Token | null): ConditionNode {
    const items = [this.parseAnd(after)];
    while (isSymbol(this.peek(), '||')) items.push(this.parseAnd(this.next()));
    return this.group('or', items);
  }

  private parseAnd(after: Token | null): ConditionNode {
    const items = [this.parsePrimary(after)];
    while (isSymbol(this.peek(), '&&')) items.push(this.parsePrimary(this.next()));
    return this.group('and', items);
  }

  private group(operator: GroupNode['operator'], items: ConditionNode[]): ConditionNode {
    if (items.length === 1) return items[0]!;
    return { kind: 'group', operator, items, parenthesized: false, start: items[0]!.start, end: items.at(-1)!.end };
  }

  private parsePrimary(after: Token | null): ConditionNode {
    const token = this.peek();
    if (isSymbol(token, '(')) return this.parseParenthesized();
    if (token.kind === 'name' || isSymbol(token, '*')) return this.parseComparison();
    this.failOperand(token, after);
  }

  private parseParenthesized(): GroupNode {
    const open = this.next();
    if (this.depth >= MAX_CONDITION_DEPTH) {
      this.fail(open, `parentheses nest deeper than ${MAX_CONDITION_DEPTH} levels`);
    }
    this.depth += 1;
    const inner = this.parseOr(open);
    this.depth -= 1;
    const close = this.peek();
    if (!isSymbol(close, ')')) this.failAfterCondition(close, `) to close the ( at ${this.where(open)}`);
    this.next();
    const span = { parenthesized: true, start: open.start, end: close.end };
    if (inner.kind === 'group' && !inner.parenthesized) return { ...inner, ...span };
    return { kind: 'group', operator: 'and', items: [inner], ...span };
  }

  private failOperand(token: Token, after: Token | null): never {
    const afterText = after ? ` after ${after.value}` : '';
    if (token.kind === 'end') this.fail(token, after ? `expected a condition${afterText}` : 'the condition is empty', EXPECT_OPERAND);
    if (token.kind === 'string') {
      this.fail(token, "a condition starts with a path, e.g. entitlement.state == 'ENABLE'", EXPECT_OPERAND);
    }
    if (token.kind === 'number') this.fail(token, 'a path starts with a name, not a number', EXPECT_OPERAND);
    if (isSymbol(token, ')')) {
      if (!after) this.fail(token, 'unexpected ): there is no ( to close', EXPECT_OPERAND);
      this.fail(token, isSymbol(after, '(') ? 'nothing inside ( )' : `expected a condition${afterText}, before )`, EXPECT_OPERAND);
    }
    if (isSymbol(token, '&&') || isSymbol(token, '||')) {
      this.fail(token, `expected a condition${afterText || ' at the start'}, before ${token.value}`, EXPECT_OPERAND);
    }
    if (isSymbol(token, '.') || isSymbol(token, '[')) this.fail(token, 'a path starts with a name, e.g. entitlement', EXPECT_OPERAND);
    this.fail(token, unsupportedSymbol(token.value) ?? `unexpected ${describe(token)}`, EXPECT_OPERAND);
  }

  /** After a whole comparison or group: only &&, || and (inside parentheses) ) may follow. */
  private failAfterCondition(token: Token, orElse: string): never {
    const expected = `&&, || or ${orElse.startsWith(')') ? '")"' : 'the end of the condition'}`;
    if (token.kind === 'end') this.fail(token, `expected ${orElse}`, expected);
    if (isSymbol(token, ')')) this.fail(token, 'unexpected ): there is no ( to close', expected);
    if (isSymbol(token, '==') || isSymbol(token, '!=')) {
      this.fail(token, `a comparison has one == or !=; join conditions with && or ||`, expected);
    }
    if (token.kind === 'symbol' && unsupportedSymbol(token.value)) this.fail(token, unsupportedSymbol(token.value)!, expected);
    this.fail(token, `unexpected ${describe(token)}: join conditions with && or ||`, expected);
  }

  private parseComparison(): ComparisonNode {
    const path = this.parsePath();
    const operator = this.peek();
    if (!isSymbol(operator, '==') && !isSymbol(operator, '!=')) this.failOperator(operator, path);
    this.next();
    const value = this.peek();
    if (value.kind !== 'string') this.failValue(value, operator);
    this.next();
    return {
      kind: 'comparison',
      path,
      operator: operator.value as ComparisonOperator,
      value: value.value,
      start: path.start,
      end: value.end,
    };
  }

  private failOperator(token: Token, path: ConditionPath): never {
    if (token.kind === 'end') this.fail(token, `the condition ends after the path ${path.text}`, EXPECT_OPERATOR);
    if (isSymbol(token, '(')) this.fail(token, 'function calls are not allowed in trigger conditions', EXPECT_OPERATOR);
    if (token.kind === 'name' && token.value === 'in') {
      this.fail(token, 'in is not supported: trigger conditions compare with == and != only', EXPECT_OPERATOR);
    }
    const unsupported = token.kind === 'symbol' ? unsupportedSymbol(token.value) : null;
    this.fail(token, unsupported ?? `unexpected ${describe(token)} after the path ${path.text}`, EXPECT_OPERATOR);
  }

  private failValue(token: Token, operator: Token): never {
    if (token.kind === 'end') this.fail(token, `nothing to compare with after ${operator.value}`, EXPECT_VALUE);
    if (token.kind === 'number' || (token.kind === 'name' && ['true', 'false', 'null'].includes(token.value))) {
      this.fail(token, `values are quoted strings: write '${token.value}'`, EXPECT_VALUE);
    }
    if (token.kind === 'name' || isSymbol(token, '*')) {
      this.fail(token, "a path is compared with a 'quoted string', not with another path", EXPECT_VALUE);
    }
    if (isSymbol(token, '[')) this.fail(token, 'array literals are not supported in trigger conditions', EXPECT_VALUE);
    const unsupported = token.kind === 'symbol' ? unsupportedSymbol(token.value) : null;
    this.fail(token, unsupported ?? `unexpected ${describe(token)} after ${operator.value}`, EXPECT_VALUE);
  }

  private parsePath(): ConditionPath {
    const first = this.next();
    const segments: PathSegment[] = [first.kind === 'name' ? { kind: 'name', name: first.value } : { kind: 'anyProperty' }];
    let end = first.end;
    for (;;) {
      const token = this.peek();
      if (isSymbol(token, '.')) {
        this.next();
        const name = this.next();
        if (name.kind === 'name') segments.push({ kind: 'name', name: name.value });
        else if (isSymbol(name, '*')) segments.push({ kind: 'anyProperty' });
        else if (name.kind === 'end') this.fail(name, 'the path ends with .', 'a property name or *');
        else if (isSymbol(name, '.')) this.fail(name, 'empty path segment (..)', 'a property name or *');
        else this.fail(name, `a property name or * must follow ., not ${describe(name)}`, 'a property name or *');
        end = name.end;
      } else if (isSymbol(token, '[')) {
        segments.push(this.parseBracket());
        end = this.tokens[this.index - 1]!.end;
      } else {
        break;
      }
    }
    return { text: printPath(segments), segments, start: first.start, end };
  }

  private parseBracket(): PathSegment {
    const open = this.next();
    const inside = this.next();
    let segment: PathSegment;
    if (isSymbol(inside, '*')) {
      segment = { kind: 'anyElement' };
    } else if (inside.kind === 'number' && /^\d+$/.test(inside.value) && Number.isSafeInteger(Number(inside.value))) {
      segment = { kind: 'index', index: Number(inside.value) };
    } else if (inside.kind === 'number') {
      this.fail(inside, 'an index is a whole number: 0 is the first item, 1 the second', 'an index 0, 1, … or *');
    } else if (isSymbol(inside, '-')) {
      this.fail(inside, 'an index cannot be negative: 0 is the first item', 'an index 0, 1, … or *');
    } else if (inside.kind === 'string') {
      this.fail(inside, 'property names in brackets are not supported; write .name', 'an index 0, 1, … or *');
    } else {
      this.fail(inside, `${describe(inside)} is not an index: write [0], [1], … or [*]`, 'an index 0, 1, … or *');
    }
    const close = this.next();
    if (!isSymbol(close, ']')) this.fail(close, `expected ] to close the [ at ${this.where(open)}`, '"]"');
    return segment;
  }
}

export type ParsedCondition = { ok: true; node: ConditionNode } | { ok: false; diagnostic: ConditionDiagnostic };

/** Parses a non-empty condition; the first error stops it and comes back as a diagnostic. */
export function parseCondition(text: string): ParsedCondition {
  try {
    return { ok: true, node: new ConditionParser(text).parse() };
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return { ok: false, diagnostic: error.diagnostic };
    throw error;
  }
}
