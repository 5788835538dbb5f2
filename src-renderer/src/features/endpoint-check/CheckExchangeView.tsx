import { curlCommandOf } from '../../../../src-shared/domain/curl-command.ts';
import type { CheckExchange } from '../../../../src-shared/domain/endpoint-check.ts';
import { formatDuration } from '../../format/time-format.ts';
import { HttpMessageView } from '../deliveries/HttpMessageView.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';

/** One request the case sent, exactly as sent (copyable as curl, to send it again), and what came back. */
export function CheckExchangeView({ exchange, index }: { exchange: CheckExchange; index: number }) {
  const { request, response, error, durationMs } = exchange;
  return (
    <div className="check-exchange" data-testid="check-exchange">
      <div className="check-exchange-head">
        <span className="mono small">
          {index + 1}. {request.method} {request.url}
        </span>
        <span className="muted small">
          {response ? `HTTP ${response.status}` : 'no answer'} · {formatDuration(durationMs)}
        </span>
        <CopyButton text={curlCommandOf(request)} label="Copy as curl" testId="check-copy-curl" />
      </div>
      {error && <p className="check-exchange-error small">{error}</p>}
      <div className="check-exchange-parts">
        <HttpMessageView kind="Request" headers={request.headers} body={request.body} />
        {response && <HttpMessageView kind="Response" headers={response.headers} body={response.body} />}
      </div>
    </div>
  );
}
