import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
// The suggest widget itself (features/suggest/register brings only inline completions). Editor
// features register services, so they load here, before the first editor of any kind is created.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

/**
 * Monaco runs fully offline: the editor and its workers are bundled by Vite, and the React
 * wrapper is told to use this copy instead of fetching one from a CDN. Only what the JSON views
 * and the condition editor need is imported (the full `monaco-editor` entry adds every language
 * and TypeScript's worker, megabytes the app never uses).
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
    'editor.background': '#101216',
    'editor.lineHighlightBackground': '#00000000',
    'editor.lineHighlightBorder': '#00000000',
    'editorLineNumber.foreground': '#4b5360',
    'editorGutter.background': '#101216',
    'scrollbarSlider.background': '#ffffff1a',
  },
});

// The light twin of hooklab-dark, for the light app theme (editor-theme.ts picks one).
monaco.editor.defineTheme('hooklab-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#fbfcfd',
    'editor.lineHighlightBackground': '#00000000',
    'editor.lineHighlightBorder': '#00000000',
    'editorLineNumber.foreground': '#8c959f',
    'editorGutter.background': '#fbfcfd',
    'scrollbarSlider.background': '#0000001a',
  },
});

loader.config({ monaco });
