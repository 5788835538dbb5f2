import { DiffEditor } from '@monaco-editor/react';
import { EDITOR_FONT } from './editor-font.ts';
import { useEditorTheme } from './editor-theme.ts';
import './monaco-setup.ts';

export interface StateDiffProps {
  before: string;
  after: string;
  label: string;
}

const LINE_HEIGHT = 18;
// Unchanged regions fold away, so an update rarely needs more.
const MAX_LINES = 16;

/** Previous vs current state side by side, unchanged regions folded away. */
export default function StateDiff({ before, after, label }: StateDiffProps) {
  const editorTheme = useEditorTheme();
  const lines = Math.min(Math.max(before.split('\n').length, after.split('\n').length), MAX_LINES);
  return (
    <div className="code-viewer" role="region" aria-label={label} data-testid="state-diff">
      <DiffEditor
        height={lines * LINE_HEIGHT + 12}
        original={before}
        modified={after}
        language="json"
        theme={editorTheme}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          hideUnchangedRegions: { enabled: true, contextLineCount: 2, minimumLineCount: 3 },
          minimap: { enabled: false },
          fontSize: 12,
          lineHeight: LINE_HEIGHT,
          fontFamily: EDITOR_FONT,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          renderOverviewRuler: false,
          scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8, horizontalScrollbarSize: 8 },
        }}
      />
    </div>
  );
}
