import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

/**
 * Monaco runs fully offline: the editor and its workers are bundled by Vite, and the React
 * wrapper is told to use this copy instead of fetching one from a CDN.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

monaco.editor.defineTheme('hooklab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#111317',
    'editor.lineHighlightBackground': '#00000000',
    'editor.lineHighlightBorder': '#00000000',
    'editorLineNumber.foreground': '#4b5360',
    'editorGutter.background': '#111317',
    'scrollbarSlider.background': '#ffffff1a',
  },
});

loader.config({ monaco });

export { monaco };
