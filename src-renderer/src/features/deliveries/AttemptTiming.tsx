import type { Attempt } from '../../../../src-shared/domain/delivery.ts';
import { formatDuration, formatSpan, formatTimestamp } from '../../format/time-format.ts';
import { useTimeScale } from '../../stores/time-scale-store.ts';
import { EngineTimestamp, TimeKind } from '../ui/TimeKind.tsx';

/** Less than this behind schedule reads as on time: the dispatcher's own tick. */
const ON_TIME_MS = 1000;

/**
 * How late a try went out. Lateness is measured on the engine clock: at 3600× the dispatcher's
 * few real milliseconds are tens of engine seconds, which is no fault, so it is judged in real
 * time (at the current scale) and only real lateness is shown as a warning.
 */
function Lateness({ lateMs }: { lateMs: number }) {
  const scale = useTimeScale((state) => state.scale) ?? 1;
  if (lateMs < ON_TIME_MS) return <dd>on time</dd>;
  const realLateMs = lateMs / scale;
  if (realLateMs < ON_TIME_MS) {
    return (
      <dd
        data-testid="attempt-late"
        data-late="speed-up"
        title={`${formatSpan(lateMs)} of engine time is ${formatDuration(realLateMs)} of real time at ${scale}×: on time`}
      >
        on time{' '}
        <span className="muted">
          ({formatSpan(lateMs)} engine time at {scale}×)
        </span>
      </dd>
    );
  }
  return (
    <dd className="late" data-testid="attempt-late" data-late="real">
      {formatSpan(lateMs)}
      {scale > 1 && <span className="muted"> engine time ({formatSpan(realLateMs)} real)</span>}
    </dd>
  );
}

/** When a try was due and when it went out, in engine time, and how long it took, in real time. */
export function AttemptTiming({ attempt }: { attempt: Attempt }) {
  return (
    <dl className="attempt-timing" data-testid="attempt-timing">
      <div>
        <dt>Scheduled</dt>
        <dd>
          <EngineTimestamp text={formatTimestamp(attempt.scheduledAt)} />
        </dd>
      </div>
      <div>
        <dt>Sent</dt>
        <dd>
          <EngineTimestamp text={formatTimestamp(attempt.startedAt)} />
        </dd>
      </div>
      <div>
        <dt>Late</dt>
        <Lateness lateMs={attempt.startedAt - attempt.scheduledAt} />
      </div>
      <div>
        <dt>Took</dt>
        <dd>
          {formatDuration(attempt.durationMs)} <TimeKind kind="real" />
        </dd>
      </div>
    </dl>
  );
}
