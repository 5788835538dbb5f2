import { curlCommandOf } from '../../../../src-shared/domain/curl-command.ts';
import { CHECK_REQUEST_BODY_KEPT, type CheckExchange } from '../../../../src-shared/domain/endpoint-check.ts';
import { formatDuration } from '../../format/time-format.ts';
import { HttpMessageView } from '../deliveries/HttpMessageView.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';

/** One request the case sent, exactly as sent (copyable as curl, to send it again), and what came back. */
export function CheckExchangeView({ exchange, index }: { exchange: CheckExchange; index: number }) {
  const { request, requestBodyBytes, response, error, durationMs } = exchange;
  return (
    <div className="check-exchange" data-testid="check-exchange">
      <div className="check-exchange-head">
        <span className="mono small">
          {index + 1}. {request.method} {request.url}
        </span>
        <span className="muted small">
          {response ? `HTTP ${response.status}` : 'no answer'} · {formatDuration(durationMs)}
        </span>
        {/* Only the start of a truncated body is kept: a curl of it would not send what was sent. */}
        {requestBodyBytes === undefined && <CopyButton text={curlCommandOf(request)} label="Copy as curl" testId="check-copy-curl" />}
      </div>
      {requestBodyBytes !== undefined && (
        <p className="muted small" data-testid="check-body-truncated">
          Request body: {requestBodyBytes.toLocaleString('en')} bytes sent; the first {(CHECK_REQUEST_BODY_KEPT / 1024).toLocaleString('en')} KiB are kept.
        </p>
      )}
      {error && <p className="check-exchange-error small">{error}</p>}
      <div className="check-exchange-parts">
        <HttpMessageView kind="Request" headers={request.headers} body={request.body} />
        {response && <HttpMessageView kind="Response" headers={response.headers} body={response.body} />}
      </div>
    </div>
  );
}
