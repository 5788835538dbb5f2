import type { RetryDelayRange } from '../../../../src-shared/domain/retry-schedule.ts';
import { formatSpan } from '../../format/time-format.ts';

const span = (shortestMs: number, longestMs: number) =>
  shortestMs === longestMs ? formatSpan(longestMs) : `${formatSpan(shortestMs)}–${formatSpan(longestMs)}`;

/** A retry schedule as it plays out after the first try: each wait, and when that is after firing. */
export function RetryScheduleList({ delays, testId }: { delays: readonly RetryDelayRange[]; testId?: string }) {
  let shortestTotal = 0;
  let longestTotal = 0;
  return (
    <ol className="retry-schedule" data-testid={testId}>
      <li>
        <span className="retry-schedule-name">Try 1</span>
        <span className="muted">when the event fires</span>
      </li>
      {delays.map(({ shortestMs, longestMs }, index) => {
        shortestTotal += shortestMs;
        longestTotal += longestMs;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the schedule is positional (retry n), computed from the policy.
          <li key={index}>
            <span className="retry-schedule-name">Retry {index + 1}</span>
            <span>{span(shortestMs, longestMs)} later</span>
            <span className="muted">+{span(shortestTotal, longestTotal)} after firing</span>
          </li>
        );
      })}
    </ol>
  );
}

/** A vendor's published schedule (no jitter) in the range form the list takes. */
export const exactDelays = (scheduleMs: readonly number[]): RetryDelayRange[] => scheduleMs.map((ms) => ({ shortestMs: ms, longestMs: ms }));
