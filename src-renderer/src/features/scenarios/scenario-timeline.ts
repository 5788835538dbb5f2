import type { Scenario, ScenarioRunStatus, ScenarioStep, ScenarioStepResult } from '../../../../src-shared/domain/scenario.ts';

/** Where one step of a scenario stands in its latest run. */
export type TimelineStepState = 'pending' | 'waiting' | 'firing' | 'fired';

export interface TimelineRow {
  /** From 1, as the engine numbers steps. */
  number: number;
  step: ScenarioStep;
  state: TimelineStepState;
  fired: ScenarioStepResult | null;
}

/** One row per step: those fired, the one the run is on (waiting or firing), and the rest pending. */
export function timelineRows(scenario: Scenario, status: ScenarioRunStatus | null): TimelineRow[] {
  const fired = status?.steps ?? [];
  return scenario.steps.map((step, index) => {
    const result = fired[index] ?? null;
    let state: TimelineStepState = 'pending';
    if (result) state = 'fired';
    else if (index === fired.length && (status?.state === 'waiting' || status?.state === 'firing')) state = status.state;
    return { number: index + 1, step, state, fired: result };
  });
}

/** The line under the player: which step, and what comes next ("Step 2 of 4 · next in 12 s"). */
export function runProgressText(status: ScenarioRunStatus, countdown: string | null): string {
  const fired = status.steps.length;
  const { total } = status;
  switch (status.state) {
    case 'waiting':
      return `Step ${fired + 1} of ${total} · next in ${countdown ?? '…'}`;
    case 'firing':
      return `Step ${fired + 1} of ${total} · firing`;
    case 'paused':
      return fired === 0 ? `Ready · ${total} steps · paused` : `Step ${fired} of ${total} fired · paused`;
    case 'finished':
      return `All ${total} steps fired`;
    case 'stopped':
      return `Stopped after ${fired} of ${total} steps`;
    case 'failed':
      return `Failed at step ${fired + 1} of ${total}`;
  }
}

/** Seconds left, counted down locally from the status's nextStepInMs (re-synced with each status). */
export function secondsLeft(nextStepInMs: number, receivedAt: number, now: number): number {
  return Math.max(0, Math.ceil((nextStepInMs - (now - receivedAt)) / 1000));
}

export function formatCountdown(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
