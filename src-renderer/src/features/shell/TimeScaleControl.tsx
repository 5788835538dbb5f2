import { useEffect } from 'react';
import { TIME_SCALES } from '../../../../src-shared/domain/time-scale.ts';
import { formatSpan, formatTime } from '../../format/time-format.ts';
import { engineClockOffset, useTimeScale, vendorNow } from '../../stores/time-scale-store.ts';
import { useRealNow } from '../../stores/use-vendor-now.ts';

const HINTS: Record<number, string> = {
  1: 'Real time: retries happen when the vendor would make them',
  60: 'An hour of vendor time passes in a minute',
  3600: 'An hour of vendor time passes in a second',
};

/** Less than this apart, the engine clock reads as real time: not worth a Reset. */
const IN_STEP_MS = 1000;
/** The scale and clock can change elsewhere (the CLI, another window), which sends no event: read them again this often. */
const REREAD_MS = 15_000;

/** Where the engine clock stands, once it is off real time, with the way back. */
function EngineClock() {
  const scale = useTimeScale((state) => state.scale);
  const reading = useTimeScale((state) => state.reading);
  const realNow = useRealNow(1000);
  const offset = engineClockOffset({ scale, reading }, realNow);
  const now = vendorNow({ scale, reading }, realNow);
  if (offset === null || now === null || Math.abs(offset) < IN_STEP_MS) return null;
  const span = `${offset > 0 ? '+' : '−'}${formatSpan(offset)}`;
  return (
    <dd className="engine-clock" data-testid="engine-clock">
      <span
        className="engine-clock-time"
        title={`Engine time (vendor time) ${formatTime(now, new Date(realNow))}: retries, scenario delays, events and captures are stamped with it. It is ${formatSpan(offset)} ${offset > 0 ? 'ahead of' : 'behind'} real time.`}
      >
        <span className="time-kind time-kind-engine">engine</span>
        <span className="mono" data-testid="engine-clock-time">
          {formatTime(now, new Date(realNow))}
        </span>
        <span className="engine-clock-offset" data-testid="engine-clock-offset">
          {span}
        </span>
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() => void useTimeScale.getState().reset()}
        title="Put the engine clock back to real time; pending retries and scenario waits keep what is left of their waits"
        data-testid="clock-reset"
      >
        Reset to now
      </button>
    </dd>
  );
}

/** Simulated time: watch an hour-long retry schedule play out in a minute or a second. */
export function TimeScaleControl() {
  const scale = useTimeScale((state) => state.scale);
  const error = useTimeScale((state) => state.error);

  useEffect(() => {
    void useTimeScale.getState().load();
    const timer = setInterval(() => void useTimeScale.getState().load(), REREAD_MS);
    return () => clearInterval(timer);
  }, []);

  if (scale === null) return null;
  return (
    <div className="topbar-fact topbar-time">
      <dt title={error ? error.message : 'How fast the engine clock runs: retry schedules are in vendor time'}>Time</dt>
      <dd>
        <div className="segmented" role="group" aria-label="Time scale" data-testid="time-scale">
          {TIME_SCALES.map((option) => (
            <button key={option} type="button" aria-pressed={scale === option} title={HINTS[option]} onClick={() => void useTimeScale.getState().set(option)}>
              {option}×
            </button>
          ))}
        </div>
      </dd>
      <EngineClock />
    </div>
  );
}
