import { useState } from 'react';
import { CopyButton } from './CopyButton.tsx';

export interface SecretValueProps {
  value: string;
  /** Names the value for the buttons, e.g. "client secret". */
  name: string;
  testId?: string;
}

/** A secret to paste elsewhere: masked until revealed (over a shoulder, on a shared screen), copyable either way. */
export function SecretValue({ value, name, testId }: SecretValueProps) {
  const [revealed, setRevealed] = useState(false);
  return (
    <span className="input-group secret-value" data-testid={testId}>
      <code className="mono row-ellipsis" title={revealed ? value : undefined} data-testid={testId ? `${testId}-text` : undefined}>
        {revealed ? value : '•'.repeat(12)}
      </code>
      <button
        type="button"
        className="button button-small"
        aria-pressed={revealed}
        aria-label={`${revealed ? 'Hide' : 'Reveal'} ${name}`}
        onClick={() => setRevealed(!revealed)}
      >
        {revealed ? 'Hide' : 'Reveal'}
      </button>
      <CopyButton text={value} label={`Copy ${name}`} />
    </span>
  );
}
