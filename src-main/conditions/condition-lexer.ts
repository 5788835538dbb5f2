/**
 * Tokens of a trigger condition, with their offsets. jexl's own Lexer keeps no positions (so no
 * error could point at a column) and mis-reads backslashes before quotes; the dialect's tokens
 * are few, so they are read here and only the evaluation is left to jexl.
 */
export type TokenKind = 'name' | 'string' | 'number' | 'symbol' | 'unterminated' | 'invalid' | 'end';

export interface Token {
  kind: TokenKind;
  /** Names and symbols as written; strings unescaped, without quotes. */
  value: string;
  start: number;
  end: number;
}

/**
 * Every operator and punctuation mark jexl knows, plus the look-alikes people type (`=`, `===`,
 * `&`): reading them as symbols lets the parser say "> is not supported" instead of "unexpected
 * character". Longest first, so `==` is never read as `=` `=`.
 */
const SYMBOLS = [
  '===',
  '!==',
  '==',
  '!=',
  '>=',
  '<=',
  '&&',
  '||',
  '//',
  '=',
  '>',
  '<',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '|',
  '&',
  '?',
  ':',
  ',',
  ';',
  '{',
  '}',
  '.',
  '[',
  ']',
  '(',
  ')',
];

const WHITESPACE = /\s+/y;
const NAME = /[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/uy;
const NUMBER = /\d+(?:\.\d+)?/y;

function readString(text: string, start: number): Token {
  const quote = text[start];
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === quote) return { kind: 'string', value, start, end: index + 1 };
    const next = text[index + 1];
    // \\ \' \" are the escapes quoteConditionString writes; any other backslash stands for itself
    // (so 'C:\temp' means what it says).
    if (char === '\\' && (next === '\\' || next === "'" || next === '"')) {
      value += next;
      index += 2;
    } else {
      value += char;
      index += 1;
    }
  }
  return { kind: 'unterminated', value, start, end: text.length };
}

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = matchAt(WHITESPACE, text, at);
    if (space) {
      at += space.length;
      continue;
    }
    const char = text[at]!;
    if (char === "'" || char === '"') {
      const token = readString(text, at);
      tokens.push(token);
      at = token.end;
      continue;
    }
    const word = matchAt(NAME, text, at) ?? matchAt(NUMBER, text, at);
    if (word) {
      tokens.push({ kind: /^\d/.test(word) ? 'number' : 'name', value: word, start: at, end: at + word.length });
      at += word.length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, at));
    if (symbol) {
      tokens.push({ kind: 'symbol', value: symbol, start: at, end: at + symbol.length });
      at += symbol.length;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(at)!);
    tokens.push({ kind: 'invalid', value: codePoint, start: at, end: at + codePoint.length });
    at += codePoint.length;
  }
  tokens.push({ kind: 'end', value: '', start: text.length, end: text.length });
  return tokens;
}
