import Editor from '@monaco-editor/react';
import { EDITOR_FONT } from './editor-font.ts';
import { useEditorTheme } from './editor-theme.ts';
import './monaco-setup.ts';

export interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  label: string;
  height: number | string;
}

/** Editable JSON in Monaco, with its own syntax checks and folding. */
export default function JsonEditor({ value, onChange, label, height }: JsonEditorProps) {
  const editorTheme = useEditorTheme();
  return (
    <div className="code-editor" role="group" aria-label={label} data-testid="json-editor">
      <Editor
        height={height}
        value={value}
        language="json"
        theme={editorTheme}
        onChange={(next) => onChange(next ?? '')}
        loading={<pre className="code-viewer-fallback">{value.slice(0, 4000)}</pre>}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          fontSize: 12,
          lineHeight: 18,
          fontFamily: EDITOR_FONT,
          folding: true,
          wordWrap: 'on',
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          stickyScroll: { enabled: false },
          scrollbar: { verticalScrollbarSize: 8, horizontalScrollbarSize: 8 },
        }}
      />
    </div>
  );
}
