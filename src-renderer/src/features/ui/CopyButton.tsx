import { useEffect, useState } from 'react';

export interface CopyButtonProps {
  text: string;
  label: string;
  testId?: string;
}

/** A textarea selection copied with execCommand: works where the async clipboard does not. */
function copyBySelection(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser refused to copy');
}

async function copyText(text: string): Promise<void> {
  // Plain-http origins other than localhost have no async clipboard, and one that has it may
  // still refuse (permission denied, document not focused): both fall back to a selection.
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      copyBySelection(text);
      return;
    }
  }
  copyBySelection(text);
}

export function CopyButton({ text, label, testId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      className="button button-small"
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={() =>
        copyText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
