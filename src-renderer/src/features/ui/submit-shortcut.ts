import type { KeyboardEvent } from 'react';

/** Ctrl+Enter (⌘+Enter on macOS) submits the form from any control, a textarea included. */
export function submitOnModEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** How the shortcut reads on this machine, for button hints. */
export const SUBMIT_SHORTCUT_LABEL = isMac ? '⌘↵' : 'Ctrl+↵';
