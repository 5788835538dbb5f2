import { randomUUID } from 'node:crypto';
import type { ControlScenarioRunInput, Scenario, ScenarioRunStatus } from '../../src-shared/domain/scenario.ts';
import { AppError } from '../../src-shared/errors.ts';
import { ScenarioRun, type ScenarioRunDeps } from './scenario-run.ts';

/** Runs over are kept for a while, so a window opened later can still show how they ended. */
const KEPT_OVER_RUNS = 20;

/** The scenario runs of this engine, by run id: started, controlled and listed here. */
export class ScenarioRuns {
  private readonly runs = new Map<string, ScenarioRun>();
  private readonly deps: ScenarioRunDeps;

  constructor(deps: ScenarioRunDeps) {
    this.deps = deps;
  }

  start(scenario: Scenario, options: { speed: number; maxWaitMs?: number; runId?: string; paused: boolean }): ScenarioRun {
    const runId = options.runId ?? randomUUID();
    if (this.runs.get(runId)?.isOver === false) throw new AppError('conflict', `Scenario run ${runId} is under way already.`);
    this.runs.delete(runId);
    this.forgetOldRuns();
    const run = new ScenarioRun(this.deps, scenario, runId, { speed: options.speed, maxWaitMs: options.maxWaitMs ?? null });
    this.runs.set(runId, run);
    run.start(options.paused);
    return run;
  }

  control(input: ControlScenarioRunInput): ScenarioRunStatus {
    const run = this.runs.get(input.runId);
    if (!run) throw new AppError('not_found', `No scenario run has id "${input.runId}"`);
    switch (input.action) {
      case 'pause':
        return run.pause();
      case 'resume':
        return run.resume();
      case 'step':
        return run.step();
      case 'stop':
        return run.stop();
      case 'speed':
        return run.setSpeed(input.speed);
    }
  }

  /** Closing the engine: no step may fire into a closed database. */
  stopAll(): void {
    for (const run of this.runs.values()) if (!run.isOver) run.stop();
  }

  /** The time scale changed: waiting runs say how much real time is left now (demo-pace ones cap it anew). */
  scaleChanged(): void {
    for (const run of this.runs.values()) run.scaleChanged();
  }

  /** The engine clock was reset: waiting runs keep what is left of their waits. */
  clockMoved(shiftMs: number): void {
    for (const run of this.runs.values()) run.clockMoved(shiftMs);
  }

  /** Newest first. */
  list(): ScenarioRunStatus[] {
    return [...this.runs.values()].reverse().map((run) => run.status());
  }

  private forgetOldRuns(): void {
    const over = [...this.runs].filter(([, run]) => run.isOver);
    for (const [runId] of over.slice(0, Math.max(0, over.length - KEPT_OVER_RUNS + 1))) this.runs.delete(runId);
  }
}
