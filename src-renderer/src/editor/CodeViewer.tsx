import Editor from '@monaco-editor/react';
import { EDITOR_FONT } from './editor-font.ts';
import { useEditorTheme } from './editor-theme.ts';
import './monaco-setup.ts';

const LINE_HEIGHT = 18;
const MIN_LINES = 3;
const MAX_LINES = 28;

export interface CodeViewerProps {
  value: string;
  language: 'json' | 'plaintext';
  label: string;
}

/** A read-only Monaco editor sized to its content (up to a cap, then it scrolls). */
export default function CodeViewer({ value, language, label }: CodeViewerProps) {
  const editorTheme = useEditorTheme();
  const lines = Math.min(Math.max(value.split('\n').length, MIN_LINES), MAX_LINES);
  return (
    <div className="code-viewer" aria-label={label} role="region">
      <Editor
        height={lines * LINE_HEIGHT + 12}
        value={value}
        language={language}
        theme={editorTheme}
        loading={<pre className="code-viewer-fallback">{value}</pre>}
        options={{
          readOnly: true,
          domReadOnly: true,
          minimap: { enabled: false },
          lineNumbers: 'off',
          folding: true,
          wordWrap: 'on',
          scrollBeyondLastLine: false,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          fontSize: 12,
          lineHeight: LINE_HEIGHT,
          fontFamily: EDITOR_FONT,
          padding: { top: 6, bottom: 6 },
          automaticLayout: true,
          contextmenu: false,
          scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8, horizontalScrollbarSize: 8 },
          stickyScroll: { enabled: false },
        }}
      />
    </div>
  );
}
