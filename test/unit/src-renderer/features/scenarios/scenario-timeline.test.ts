import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioRunStatus } from '../../../../../src-shared/domain/scenario.ts';
import { formatCountdown, runProgressText, secondsLeft, timelineRows } from '../../../../../src-renderer/src/features/scenarios/scenario-timeline.ts';

const step = (eventName: string) => ({ vendor: 'sentinel-ems' as const, eventName, delayMs: 3_600_000 });
const scenario: Scenario = {
  id: 'sc',
  builtIn: false,
  vendors: ['sentinel-ems'],
  name: 'S',
  description: '',
  seed: 1,
  steps: [step('A'), step('B'), step('C')],
};
const fired = (n: number) => ({ step: n, vendor: 'sentinel-ems' as const, eventName: 'A', eventId: `ev${n}`, entityId: 'e', deliveryIds: [] });
const status = (patch: Partial<ScenarioRunStatus>): ScenarioRunStatus => ({
  runId: 'r',
  scenarioId: 'sc',
  scenarioName: 'S',
  state: 'waiting',
  speed: 1,
  maxWaitMs: null,
  total: 3,
  steps: [],
  nextStepInMs: 12_000,
  nextStepDelayMs: 3_600_000,
  error: null,
  startedAt: 1,
  revision: 1,
  ...patch,
});

describe('scenario timeline', () => {
  it('shows every step pending before a run', () => {
    expect(timelineRows(scenario, null).map((row) => row.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('marks fired steps, then the step the run waits for or fires, then the rest pending', () => {
    expect(timelineRows(scenario, status({ steps: [fired(1)] })).map((row) => row.state)).toEqual(['fired', 'waiting', 'pending']);
    expect(timelineRows(scenario, status({ state: 'firing', steps: [fired(1)] })).map((row) => row.state)).toEqual(['fired', 'firing', 'pending']);
    expect(timelineRows(scenario, status({ state: 'paused', steps: [fired(1)] })).map((row) => row.state)).toEqual(['fired', 'pending', 'pending']);
  });

  it('says where the run stands, with the countdown while it waits', () => {
    expect(runProgressText(status({ steps: [fired(1)] }), '12 s')).toBe('Step 2 of 3 · next in 12 s');
    expect(runProgressText(status({ state: 'paused', steps: [fired(1)] }), null)).toBe('Step 1 of 3 fired · paused');
    expect(runProgressText(status({ state: 'finished', steps: [fired(1), fired(2), fired(3)] }), null)).toBe('All 3 steps fired');
    expect(runProgressText(status({ state: 'failed', steps: [fired(1)] }), null)).toBe('Failed at step 2 of 3');
  });

  it('counts down locally from the last status, never below zero', () => {
    expect(secondsLeft(12_000, 1_000, 3_500)).toBe(10);
    expect(secondsLeft(12_000, 1_000, 20_000)).toBe(0);
    expect(formatCountdown(75)).toBe('1 min 15 s');
  });
});
