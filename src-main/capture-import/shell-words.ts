import type { ImportProblems } from './imported-request.ts';

/** One shell command line (backslash-newline continued): its words as bytes, and the line it starts on. */
export interface ShellCommand {
  line: number;
  words: Buffer[];
}

/** A word is bytes, not text: `$'\xff'` is one raw byte, which a string cannot hold faithfully. */
class WordBuilder {
  private readonly parts: Buffer[] = [];
  private text = '';
  started = false;

  addText(text: string): void {
    this.text += text;
    this.started = true;
  }

  addByte(byte: number): void {
    this.flushText();
    this.parts.push(Buffer.of(byte));
    this.started = true;
  }

  finish(): Buffer {
    this.flushText();
    return Buffer.concat(this.parts);
  }

  private flushText(): void {
    if (this.text) this.parts.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/**
 * Splits shell text into commands and words the way bash does for what "Copy as cURL (bash)" and
 * vendor logs produce: '…', "…", $'…' (ANSI-C escapes), backslash escapes, backslash-newline
 * continuations and # comments. No expansion: `$HOME` stays as written.
 */
export function splitShellCommands(text: string, problems: ImportProblems): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: Buffer[] = [];
  let word = new WordBuilder();
  let line = 1;
  let commandLine = 1;
  let i = 0;

  const endWord = () => {
    if (word.started) {
      if (words.length === 0) commandLine = line;
      words.push(word.finish());
    }
    word = new WordBuilder();
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ line: commandLine, words });
    words = [];
  };
  // The closing single quote's index; -1 (and a problem) when there is none.
  const closing = (from: number, opened: number): number => {
    const end = text.indexOf("'", from);
    if (end < 0) problems.add(`line ${opened}`, 'unterminated single quote');
    return end;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      endWord();
      i += 1;
    } else if (c === '\n' || c === '\r') {
      if (c === '\n') line += 1;
      endCommand();
      i += 1;
    } else if (c === '#' && !word.started) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        line += 1;
        i += next === '\n' ? 2 : 3;
      } else {
        if (next !== undefined) word.addText(next);
        i += 2;
      }
    } else if (c === "'") {
      const end = closing(i + 1, line);
      if (end < 0) return [];
      const quoted = text.slice(i + 1, end);
      word.addText(quoted);
      line += countNewlines(quoted);
      i = end + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const opened = line;
      const result = readAnsiC(text, i + 2, word);
      if (result === null) {
        problems.add(`line ${opened}`, "unterminated $'…' quote");
        return [];
      }
      line += countNewlines(text.slice(i, result));
      i = result;
    } else if (c === '"') {
      const opened = line;
      let j = i + 1;
      let closed = false;
      word.addText('');
      while (j < text.length) {
        const d = text[j];
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === '\\' && j + 1 < text.length) {
          const next = text[j + 1];
          // Inside "…" a backslash only escapes $ ` " \ and newline; elsewhere it is kept.
          if (next === '\n') line += 1;
          else word.addText('$`"\\'.includes(next) ? next : `\\${next}`);
          j += 2;
          continue;
        }
        if (d === '\n') line += 1;
        word.addText(d);
        j += 1;
      }
      if (!closed) {
        problems.add(`line ${opened}`, 'unterminated double quote');
        return [];
      }
      i = j + 1;
    } else {
      word.addText(c);
      i += 1;
    }
  }
  endCommand();
  return commands;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Reads the inside of $'…' from `start`; returns the index after the closing quote, or null if none. */
function readAnsiC(text: string, start: number, word: WordBuilder): number | null {
  word.addText('');
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") return i + 1;
    if (c !== '\\') {
      word.addText(c);
      i += 1;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) return null;
    if (e in SIMPLE_ESCAPES) {
      word.addText(SIMPLE_ESCAPES[e]);
      i += 2;
    } else if (e === 'x') {
      const hex = /^[0-9A-Fa-f]{1,2}/.exec(text.slice(i + 2, i + 4))?.[0];
      if (hex) word.addByte(Number.parseInt(hex, 16));
      else word.addText('\\x');
      i += 2 + (hex?.length ?? 0);
    } else if (e === 'u' || e === 'U') {
      const width = e === 'u' ? 4 : 8;
      const hex = new RegExp(`^[0-9A-Fa-f]{1,${width}}`).exec(text.slice(i + 2, i + 2 + width))?.[0];
      const codePoint = hex ? Number.parseInt(hex, 16) : -1;
      if (codePoint >= 0 && codePoint <= 0x10ffff) word.addText(String.fromCodePoint(codePoint));
      else word.addText(`\\${e}`);
      i += 2 + (hex?.length ?? 0);
    } else if (e >= '0' && e <= '7') {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0];
      word.addByte(Number.parseInt(octal, 8) & 0xff);
      i += 1 + octal.length;
    } else if (e === 'c' && i + 2 < text.length) {
      word.addByte(text.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      // bash keeps an unknown escape as written.
      word.addText(`\\${e}`);
      i += 2;
    }
  }
  return null;
}
