import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type * as monaco from 'monaco-editor/editor';
import type { ConditionDiagnostic } from '../../../src-shared/domain/condition.ts';
import { CONDITION_LANGUAGE, forgetConditionSample, setConditionSample, showConditionDiagnostics } from './condition-language.ts';
import { EDITOR_FONT } from './editor-font.ts';
import { useEditorTheme } from './editor-theme.ts';

export interface ConditionEditorProps {
  value: string;
  onChange(value: string): void;
  diagnostics: readonly ConditionDiagnostic[];
  /** Shown as warning squiggles: the condition runs, but likely not as meant. */
  warnings?: readonly ConditionDiagnostic[];
  /** Completions and hovers come from this payload. */
  sample: unknown;
  label: string;
  lines?: number;
}

const LINE_HEIGHT = 20;
/** How many of its own recent values the editor recognises in late re-renders. */
const EMITTED_MEMORY = 200;

/** A trigger condition in Monaco: dialect highlighting, path completion, hovers, error markers. */
const NO_WARNINGS: readonly ConditionDiagnostic[] = [];

export default function ConditionEditor({ value, onChange, diagnostics, warnings = NO_WARNINGS, sample, label, lines = 4 }: ConditionEditorProps) {
  const editorTheme = useEditorTheme();
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  // The editor owns its text while the user types: a re-render still carrying one of the values it
  // emitted earlier must not overwrite keystrokes made since. Only a value that came from elsewhere
  // (a discarded edit, say) is pushed in.
  const emitted = useRef(new Set([value]));

  // Monaco mounts asynchronously: by then the props may be newer than this render's closure.
  const latest = useRef({ sample, diagnostics, warnings });
  latest.current = { sample, diagnostics, warnings };

  const onMount: OnMount = (editor) => {
    const model = editor.getModel();
    modelRef.current = model;
    if (!model) return;
    setConditionSample(model, latest.current.sample);
    showConditionDiagnostics(model, latest.current.diagnostics, latest.current.warnings);
    editor.onDidDispose(() => forgetConditionSample(model));
  };

  useEffect(() => {
    const model = modelRef.current;
    if (!model || model.isDisposed() || emitted.current.has(value) || value === model.getValue()) return;
    emitted.current = new Set([value]);
    model.setValue(value);
  }, [value]);

  useEffect(() => {
    if (modelRef.current && !modelRef.current.isDisposed()) setConditionSample(modelRef.current, sample);
  }, [sample]);

  useEffect(() => {
    if (modelRef.current && !modelRef.current.isDisposed()) showConditionDiagnostics(modelRef.current, diagnostics, warnings);
  }, [diagnostics, warnings]);

  return (
    <div className="code-editor" role="group" aria-label={label} data-testid="condition-editor">
      <Editor
        height={lines * LINE_HEIGHT + 12}
        defaultValue={value}
        language={CONDITION_LANGUAGE}
        theme={editorTheme}
        onMount={onMount}
        onChange={(next = '') => {
          emitted.current.add(next);
          // Forget the oldest; a render is never that far behind.
          if (emitted.current.size > EMITTED_MEMORY) emitted.current.delete(emitted.current.values().next().value!);
          onChange(next);
        }}
        loading={<pre className="code-viewer-fallback">{value}</pre>}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          wordWrap: 'on',
          scrollBeyondLastLine: false,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          fontSize: 13,
          lineHeight: LINE_HEIGHT,
          fontFamily: EDITOR_FONT,
          padding: { top: 6, bottom: 6 },
          automaticLayout: true,
          fixedOverflowWidgets: true,
          // Quotes are typed as they are: auto-closing them made "'Sam Smith'" come out split at the space.
          autoClosingQuotes: 'never',
          quickSuggestions: { other: true, strings: false, comments: false },
          suggestOnTriggerCharacters: true,
          wordBasedSuggestions: 'off',
          stickyScroll: { enabled: false },
          scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8, horizontalScrollbarSize: 8 },
        }}
      />
    </div>
  );
}
