import { useEffect } from 'react';
import { TIME_SCALES } from '../../../../src-shared/domain/time-scale.ts';
import { useTimeScale } from '../../stores/time-scale-store.ts';

const HINTS: Record<number, string> = {
  1: 'Real time: retries happen when the vendor would make them',
  60: 'An hour of vendor time passes in a minute',
  3600: 'An hour of vendor time passes in a second',
};

/** Simulated time: watch an hour-long retry schedule play out in a minute or a second. */
export function TimeScaleControl() {
  const scale = useTimeScale((state) => state.scale);
  const error = useTimeScale((state) => state.error);

  useEffect(() => {
    void useTimeScale.getState().load();
  }, []);

  if (scale === null) return null;
  return (
    <div className="topbar-fact">
      <dt title={error ? error.message : 'How fast the engine clock runs: retry schedules are in vendor time'}>Time</dt>
      <dd>
        <div className="segmented" role="group" aria-label="Time scale" data-testid="time-scale">
          {TIME_SCALES.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={scale === option}
              title={HINTS[option]}
              onClick={() => void useTimeScale.getState().set(option)}
            >
              {option}×
            </button>
          ))}
        </div>
      </dd>
    </div>
  );
}
