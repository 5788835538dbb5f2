import * as monaco from 'monaco-editor/editor';
import { listPayloadPaths, valuesAtPath } from '../../../src-shared/conditions/payload-paths.ts';
import type { ConditionDiagnostic } from '../../../src-shared/domain/condition.ts';
import './monaco-setup.ts';

/** Sentinel's trigger-condition dialect: JEXL paths with `*` and `[*]`, strings, == != && || (). */
export const CONDITION_LANGUAGE = 'hooklab-condition';
const MARKER_OWNER = 'hooklab-condition';
const PATH_CHARS = /[A-Za-z0-9_$.*[\]]/;

/** The sample payload each condition editor completes and hovers against, by model. */
const samples = new Map<string, unknown>();

export function setConditionSample(model: monaco.editor.ITextModel, sample: unknown): void {
  samples.set(model.uri.toString(), sample);
}

export function forgetConditionSample(model: monaco.editor.ITextModel): void {
  samples.delete(model.uri.toString());
}

export function showConditionDiagnostics(
  model: monaco.editor.ITextModel,
  diagnostics: readonly ConditionDiagnostic[],
  warnings: readonly ConditionDiagnostic[] = [],
): void {
  const marker = (diagnostic: ConditionDiagnostic, severity: monaco.MarkerSeverity): monaco.editor.IMarkerData => {
    const start = model.getPositionAt(diagnostic.start);
    const end = model.getPositionAt(Math.max(diagnostic.end, diagnostic.start + 1));
    return {
      severity,
      message: diagnostic.expected ? `${diagnostic.message} (expected ${diagnostic.expected})` : diagnostic.message,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  };
  monaco.editor.setModelMarkers(model, MARKER_OWNER, [
    ...diagnostics.map((diagnostic) => marker(diagnostic, monaco.MarkerSeverity.Error)),
    ...warnings.map((warning) => marker(warning, monaco.MarkerSeverity.Warning)),
  ]);
}

/** The attribute path around a column of a line: where it starts and ends. */
function pathAround(line: string, column: number): { path: string; start: number; end: number } | null {
  let start = column - 1;
  let end = column - 1;
  while (start > 0 && PATH_CHARS.test(line[start - 1]!)) start -= 1;
  while (end < line.length && PATH_CHARS.test(line[end]!)) end += 1;
  const path = line.slice(start, end);
  return /^[A-Za-z_$]/.test(path) ? { path, start, end } : null;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

monaco.languages.register({ id: CONDITION_LANGUAGE });
monaco.languages.setLanguageConfiguration(CONDITION_LANGUAGE, {
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: "'", close: "'" },
  ],
});
monaco.languages.setMonarchTokensProvider(CONDITION_LANGUAGE, {
  tokenizer: {
    root: [
      [/'(?:[^'\\]|\\.)*'?/, 'string'],
      [/"(?:[^"\\]|\\.)*"?/, 'string'],
      [/==|!=|&&|\|\|/, 'keyword.operator'],
      [/\[(?:\*|\d+)\]|\.\*/, 'keyword'],
      [/[A-Za-z_$][\w$]*/, 'variable'],
      [/\d+(?:\.\d+)?/, 'number'],
      [/[()]/, '@brackets'],
      [/\./, 'delimiter'],
    ],
  },
});

monaco.languages.registerCompletionItemProvider(CONDITION_LANGUAGE, {
  triggerCharacters: ['.', '['],
  provideCompletionItems(model, position) {
    const sample = samples.get(model.uri.toString());
    if (sample === undefined) return { suggestions: [] };
    const line = model.getLineContent(position.lineNumber);
    let start = position.column - 1;
    while (start > 0 && PATH_CHARS.test(line[start - 1]!)) start -= 1;
    const typed = line.slice(start, position.column - 1);
    const range = new monaco.Range(position.lineNumber, start + 1, position.lineNumber, position.column);
    return {
      suggestions: listPayloadPaths(sample)
        .filter(({ path }) => path.startsWith(typed))
        .map(({ path, example }) => ({
          label: path,
          kind: monaco.languages.CompletionItemKind.Field,
          detail: preview(example),
          insertText: path,
          range,
        })),
    };
  },
});

monaco.languages.registerHoverProvider(CONDITION_LANGUAGE, {
  provideHover(model, position) {
    const sample = samples.get(model.uri.toString());
    const found = pathAround(model.getLineContent(position.lineNumber), position.column);
    if (sample === undefined || !found) return null;
    const values = valuesAtPath(sample, found.path);
    const shown =
      values.length === 0
        ? '_not in the sample payload_'
        : values
            .slice(0, 10)
            .map((value) => `\`${preview(value)}\``)
            .join('  \n');
    return {
      range: new monaco.Range(position.lineNumber, found.start + 1, position.lineNumber, found.end + 1),
      contents: [{ value: `**${found.path}**` }, { value: values.length > 10 ? `${shown}  \n… ${values.length - 10} more` : shown }],
    };
  },
});
