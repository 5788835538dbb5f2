import { useState } from 'react';
import type { Attempt } from '../../../../src-shared/domain/delivery.ts';
import { formatDuration, formatTimestamp } from '../../format/time-format.ts';
import { Tabs } from '../ui/Tabs.tsx';
import { HttpMessageView } from './HttpMessageView.tsx';

type AttemptTab = 'request' | 'response';

function outcome(attempt: Attempt): { text: string; tone: 'success' | 'danger' } {
  if (attempt.response) {
    const ok = attempt.response.status >= 200 && attempt.response.status < 300;
    return { text: `HTTP ${attempt.response.status}`, tone: ok ? 'success' : 'danger' };
  }
  return { text: 'No response', tone: 'danger' };
}

/** One try: what was sent, byte for byte, and what came back (or why nothing did). */
export function AttemptView({ attempt }: { attempt: Attempt }) {
  const [tab, setTab] = useState<AttemptTab>('response');
  const result = outcome(attempt);

  return (
    <article className="attempt" data-testid="attempt" aria-label={`Attempt ${attempt.number}`}>
      <header className="attempt-header">
        <span className="attempt-number">#{attempt.number}</span>
        <span className={`pill pill-${result.tone}`} data-testid="attempt-outcome">
          {result.text}
        </span>
        <span className="mono small row-ellipsis">
          {attempt.request.method} {attempt.request.url}
        </span>
        <span className="muted small attempt-timing" title={`Started ${formatTimestamp(attempt.startedAt)}`}>
          {formatTimestamp(attempt.startedAt)} · {formatDuration(attempt.durationMs)}
        </span>
      </header>
      {attempt.error && (
        <p className="attempt-error" role="note" data-testid="attempt-error">
          {attempt.error}
        </p>
      )}
      <Tabs
        label={`Attempt ${attempt.number}`}
        tabs={[
          { id: 'request', label: 'Request' },
          { id: 'response', label: 'Response' },
        ]}
        selectedId={tab}
        onSelect={(id) => setTab(id as AttemptTab)}
      >
        {tab === 'request' ? (
          <HttpMessageView headers={attempt.request.headers} body={attempt.request.body} kind="Request" />
        ) : attempt.response ? (
          <HttpMessageView headers={attempt.response.headers} body={attempt.response.body} kind="Response" />
        ) : (
          <p className="muted small">The endpoint sent no response: {attempt.error ?? 'the request did not complete'}.</p>
        )}
      </Tabs>
    </article>
  );
}
