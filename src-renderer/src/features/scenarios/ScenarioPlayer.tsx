import { useEffect, useRef } from 'react';
import { isRunOver, type Scenario, type ScenarioRunState } from '../../../../src-shared/domain/scenario.ts';
import { useScenarioRuns, type RunPace, type ScenarioRunView } from '../../stores/scenario-run-store.ts';
import { useTimeScale } from '../../stores/time-scale-store.ts';
import { runProgressText } from './scenario-timeline.ts';

export const SCENARIO_SPEEDS = [1, 10, 60, 600, 3600] as const;
/** Demo pace choices: the longest wait, in real seconds. */
export const DEMO_PACES_S = [2, 5, 10] as const;

const STATE_LABELS: Record<ScenarioRunState, { label: string; tone: string }> = {
  paused: { label: 'Paused', tone: 'muted' },
  waiting: { label: 'Playing', tone: 'info' },
  firing: { label: 'Firing', tone: 'warning' },
  finished: { label: 'Finished', tone: 'success' },
  stopped: { label: 'Stopped', tone: 'muted' },
  failed: { label: 'Failed', tone: 'danger' },
};

export interface PlayerControls {
  playing: boolean;
  togglePlay(): void;
  step(): void;
}

/** What Play, Pause and Step do for the scenario's latest run (or a new one when there is none under way). */
export function usePlayerControls(scenario: Scenario, run: ScenarioRunView | null, pace: RunPace): PlayerControls {
  const active = run && !isRunOver(run.status.state) ? run.status : null;
  const playing = active?.state === 'waiting' || active?.state === 'firing';
  return {
    playing,
    togglePlay() {
      const runs = useScenarioRuns.getState();
      if (runs.busy) return;
      if (!active) void runs.start(scenario.id, pace, false);
      else void runs.control(active.runId, playing ? 'pause' : 'resume');
    },
    step() {
      const runs = useScenarioRuns.getState();
      if (runs.busy || active?.state === 'firing') return;
      if (active) {
        void runs.control(active.runId, 'step');
        return;
      }
      void runs.start(scenario.id, pace, true).then(() => {
        const started = useScenarioRuns.getState().runs[scenario.id]?.status;
        if (started && !isRunOver(started.state)) void runs.control(started.runId, 'step');
      });
    },
  };
}

/** Whether a key press belongs to something else: typing, a focused control, an open dialog. */
function takenElsewhere(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat) return true;
  const target = event.target as HTMLElement | null;
  if (target?.isContentEditable || target?.closest('input, textarea, select, button, dialog, .monaco-editor')) return true;
  return document.querySelector('dialog[open]') !== null;
}

/** Space plays or pauses, "." steps — unless the user is typing, on a control that takes the key, or in a dialog. */
export function usePlayerShortcuts(controls: PlayerControls): void {
  // The listener stays; the controls it calls are this render's.
  const latest = useRef(controls);
  latest.current = controls;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (takenElsewhere(event)) return;
      if (event.key === ' ') {
        event.preventDefault();
        latest.current.togglePlay();
      } else if (event.key === '.') {
        event.preventDefault();
        latest.current.step();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

export interface ScenarioPlayerProps {
  run: ScenarioRunView | null;
  controls: PlayerControls;
  speed: number;
  onSpeed(speed: number): void;
  /** Demo pace: the longest wait in real ms, or null. Fixed while a run is under way. */
  maxWaitMs: number | null;
  onMaxWait(maxWaitMs: number | null): void;
  countdown: string | null;
}

export function ScenarioPlayer({ run, controls, speed, onSpeed, maxWaitMs, onMaxWait, countdown }: ScenarioPlayerProps) {
  const busy = useScenarioRuns((state) => state.busy);
  const error = useScenarioRuns((state) => state.error);
  const control = useScenarioRuns((state) => state.control);
  const timeScale = useTimeScale((state) => state.scale);
  const status = run?.status ?? null;
  const active = status && !isRunOver(status.state) ? status : null;
  const firing = active?.state === 'firing';
  const state = status ? STATE_LABELS[status.state] : null;

  return (
    <div className="player" data-testid="scenario-player">
      <div className="player-controls">
        <button
          type="button"
          className="button button-primary player-play"
          onClick={controls.togglePlay}
          disabled={busy}
          title={controls.playing ? 'Pause (Space)' : 'Play (Space)'}
          data-testid="player-play"
        >
          <span aria-hidden="true">{controls.playing ? '❚❚' : '▶'}</span> {controls.playing ? 'Pause' : active ? 'Resume' : 'Play'}
        </button>
        <button
          type="button"
          className="button"
          onClick={controls.step}
          disabled={busy || firing}
          title="Fire the next step now, then pause (.)"
          data-testid="player-step"
        >
          <span aria-hidden="true">»</span> Step
        </button>
        <button
          type="button"
          className="button"
          onClick={() => active && void control(active.runId, 'stop')}
          disabled={busy || !active}
          title="End this run; steps not fired stay unfired"
          data-testid="player-stop"
        >
          <span aria-hidden="true">■</span> Stop
        </button>
        <label className="player-speed">
          <span>Speed</span>
          <select
            className="input input-small"
            value={speed}
            onChange={(event) => onSpeed(Number(event.target.value))}
            data-testid="player-speed"
            title="How much faster than vendor time the delays pass"
          >
            {SCENARIO_SPEEDS.map((option) => (
              <option key={option} value={option}>
                {option}×
              </option>
            ))}
          </select>
        </label>
        <label className="player-speed" title="Demo pace: no wait lasts longer than this in real time, whatever its delay; the engine clock is not moved">
          <span>Demo pace</span>
          <select
            className="input input-small"
            value={maxWaitMs ?? ''}
            onChange={(event) => onMaxWait(event.target.value === '' ? null : Number(event.target.value))}
            disabled={active !== null}
            data-testid="player-demo-pace"
          >
            <option value="">Off</option>
            {DEMO_PACES_S.map((seconds) => (
              <option key={seconds} value={seconds * 1000}>
                waits ≤ {seconds} s
              </option>
            ))}
          </select>
        </label>
        {state && (
          <span className={`pill pill-${state.tone} player-state`} data-testid="player-state" data-state={status?.state}>
            {state.label}
          </span>
        )}
      </div>
      <p className={`player-progress${status ? '' : ' muted'}`} role="status" data-testid="player-progress">
        {status ? runProgressText(status, countdown) : 'Not played yet. Press Play, or Step to go one event at a time.'}
      </p>
      {status?.error && (
        <div className="form-error" role="alert" data-testid="player-error">
          <p>The run failed: {status.error}</p>
        </div>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid="player-call-error">
          <p>{error.message}</p>
        </div>
      )}
      <p className="field-hint">
        Delays are engine time. They pass {speed}× faster here, and the engine's time scale in the top bar ({timeScale ?? 1}×) applies on top: a day-long delay
        takes {formatRealDelay(86_400_000 / (speed * (timeScale ?? 1)))}
        {maxWaitMs === null
          ? '. Demo pace shortens every long wait without moving the engine clock.'
          : `, and with demo pace no wait takes more than ${formatRealDelay(maxWaitMs)}.`}
      </p>
    </div>
  );
}

function formatRealDelay(ms: number): string {
  if (ms < 1) return 'under 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
