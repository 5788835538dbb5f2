import { useTheme } from '../stores/theme-store.ts';

/** The Monaco theme (defined in monaco-setup.ts) that matches the app's. */
export function useEditorTheme(): string {
  return useTheme((state) => (state.theme === 'light' ? 'hooklab-light' : 'hooklab-dark'));
}
