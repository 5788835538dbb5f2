import type { Attempt } from '../../../../src-shared/domain/delivery.ts';
import { formatDuration, formatSpan, formatTimestamp } from '../../format/time-format.ts';

/** Less than this behind schedule reads as on time: the dispatcher's own tick. */
const ON_TIME_MS = 1000;

/** When a try was due and when it went out, in vendor time, and how long it took. */
export function AttemptTiming({ attempt }: { attempt: Attempt }) {
  const lateMs = attempt.startedAt - attempt.scheduledAt;
  return (
    <dl className="attempt-timing" data-testid="attempt-timing">
      <div>
        <dt>Scheduled</dt>
        <dd className="mono">{formatTimestamp(attempt.scheduledAt)}</dd>
      </div>
      <div>
        <dt>Sent</dt>
        <dd className="mono">{formatTimestamp(attempt.startedAt)}</dd>
      </div>
      <div>
        <dt>Late</dt>
        <dd className={lateMs >= ON_TIME_MS ? 'late' : undefined}>{lateMs >= ON_TIME_MS ? formatSpan(lateMs) : 'on time'}</dd>
      </div>
      <div>
        <dt>Took</dt>
        <dd>{formatDuration(attempt.durationMs)}</dd>
      </div>
    </dl>
  );
}
