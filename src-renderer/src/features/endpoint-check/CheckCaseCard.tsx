import { useState } from 'react';
import type { CheckCaseResult } from '../../../../src-shared/domain/endpoint-check.ts';
import { OUTCOME_LOOK } from './check-outcome.ts';
import { CheckExchangeView } from './CheckExchangeView.tsx';

/** One case: its outcome, what came back, why it matters; the requests it sent on demand (bodies can be megabytes). */
export function CheckCaseCard({ result }: { result: CheckCaseResult }) {
  const [open, setOpen] = useState(false);
  const look = OUTCOME_LOOK[result.outcome];
  const sent = result.exchanges.length;
  return (
    <article className={`check-case check-case-${result.outcome}`} data-testid="check-case" data-case-id={result.caseId}>
      <header className="check-case-head">
        <span className={`pill ${look.pill}`} data-testid="check-case-outcome">
          {look.label}
        </span>
        <h3 className="check-case-title">{result.title}</h3>
        {!result.required && (
          <span className="pill pill-info" title="Never fails the run: reported for you to judge">
            Advisory case
          </span>
        )}
        <code className="check-case-id muted small">{result.caseId}</code>
      </header>
      <dl className="check-case-facts">
        <div>
          <dt>Came back</dt>
          <dd data-testid="check-case-verdict">{result.verdict}</dd>
        </div>
        <div>
          <dt>Expected</dt>
          <dd>{result.expected}</dd>
        </div>
        <div>
          <dt>Why it matters</dt>
          <dd>{result.why}</dd>
        </div>
      </dl>
      {sent > 0 && (
        <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="check-case-toggle">
          {open ? 'Hide' : 'Show'} what was sent ({sent} request{sent === 1 ? '' : 's'})
        </button>
      )}
      {open &&
        result.exchanges.map((exchange, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a stored run's exchanges never change or reorder; their place is their identity
          <CheckExchangeView key={index} exchange={exchange} index={index} />
        ))}
    </article>
  );
}
