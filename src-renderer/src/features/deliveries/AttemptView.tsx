import { useState } from 'react';
import { RESPONSE_BODY_KEPT_MAX, type Attempt, type AttemptResponse, type TokenExchange } from '../../../../src-shared/domain/delivery.ts';
import { formatCount } from '../../format/count-format.ts';
import { formatTimestamp } from '../../format/time-format.ts';
import { ReplayButton } from '../replay/ReplayButton.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { AttemptTiming } from './AttemptTiming.tsx';
import { HttpMessageView } from './HttpMessageView.tsx';

type AttemptTab = 'request' | 'response' | 'token';

function outcome(attempt: Attempt): { text: string; tone: 'success' | 'danger' } {
  if (attempt.response) {
    // A 2xx whose body did not arrive in time is a failed try (the error says so).
    const ok = attempt.response.status >= 200 && attempt.response.status < 300 && attempt.error === null;
    return { text: `HTTP ${attempt.response.status}`, tone: ok ? 'success' : 'danger' };
  }
  return { text: 'No response', tone: 'danger' };
}

function TruncatedBodyNote({ response }: { response: AttemptResponse }) {
  return (
    <p className="notice" role="note" data-testid="response-truncated">
      Body truncated at {RESPONSE_BODY_KEPT_MAX / 1024} KiB ({formatCount(response.bodyBytes)} bytes received). The engine keeps the first{' '}
      {RESPONSE_BODY_KEPT_MAX / 1024} KiB of each answer; the rest was read and dropped.
    </p>
  );
}

/**
 * The OAuth 2.0 token request behind the try's Bearer token and its answer, as the engine
 * recorded them: the client secret and the tokens masked.
 */
function TokenExchangeView({ attempt, exchange }: { attempt: Attempt; exchange: TokenExchange }) {
  const reused = exchange.requestedAt < attempt.startedAt;
  return (
    <div data-testid="token-exchange">
      <p className="muted small">
        <span className="mono">
          {exchange.request.method} {exchange.request.url}
        </span>{' '}
        {exchange.response ? `answered HTTP ${exchange.response.status}` : 'got no answer'} at {formatTimestamp(exchange.requestedAt)} (engine time)
        {reused ? '; the token was cached from that request and reused for this try.' : ', for this try.'} The client secret and the tokens are masked.
      </p>
      {exchange.error && (
        <p className="attempt-error" role="note">
          {exchange.error}
        </p>
      )}
      <HttpMessageView headers={exchange.request.headers} body={exchange.request.body} kind="Token request" />
      {exchange.response && <HttpMessageView headers={exchange.response.headers} body={exchange.response.body} kind="Token response" />}
    </div>
  );
}

/**
 * One try: when it was due and sent, what was sent byte for byte, and what came back (or why
 * nothing did). The exchange folds away so a long timeline stays readable.
 */
export function AttemptView({ attempt, newest }: { attempt: Attempt; newest: boolean }) {
  // A try that failed for want of a token opens on the token request that said no.
  const [tab, setTab] = useState<AttemptTab>(() => (attempt.tokenExchange?.error ? 'token' : 'response'));
  // The newest try shows its exchange until the user says otherwise; older ones fold as new ones come.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? newest;
  const result = outcome(attempt);
  const exchangeId = `attempt-${attempt.id}-exchange`;

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
        <button type="button" className="button button-small attempt-toggle" aria-expanded={open} aria-controls={exchangeId} onClick={() => setToggled(!open)}>
          {open ? 'Hide exchange' : 'Show exchange'}
        </button>
        <ReplayButton source={{ kind: 'attempt', id: attempt.id }} defaultUrl={attempt.request.url} body={attempt.request.body} />
      </header>
      <AttemptTiming attempt={attempt} />
      {attempt.error && (
        <p className="attempt-error" role="note" data-testid="attempt-error">
          {attempt.error}
        </p>
      )}
      {open && (
        <div id={exchangeId}>
          <Tabs
            label={`Attempt ${attempt.number}`}
            tabs={[
              { id: 'request', label: 'Request' },
              { id: 'response', label: 'Response' },
              ...(attempt.tokenExchange ? [{ id: 'token', label: 'OAuth token' }] : []),
            ]}
            selectedId={tab}
            onSelect={(id) => setTab(id as AttemptTab)}
          >
            {tab === 'token' && attempt.tokenExchange ? (
              <TokenExchangeView attempt={attempt} exchange={attempt.tokenExchange} />
            ) : tab === 'request' ? (
              <HttpMessageView headers={attempt.request.headers} body={attempt.request.body} kind="Request" />
            ) : attempt.response ? (
              <>
                {attempt.response.bodyTruncated && <TruncatedBodyNote response={attempt.response} />}
                <HttpMessageView headers={attempt.response.headers} body={attempt.response.body} kind="Response" />
              </>
            ) : (
              <p className="muted small">The endpoint sent no response: {attempt.error ?? 'the request did not complete'}.</p>
            )}
          </Tabs>
        </div>
      )}
    </article>
  );
}
