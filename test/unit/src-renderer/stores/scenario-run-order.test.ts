import { describe, expect, it } from 'vitest';
import type { ScenarioRunStatus } from '../../../../src-shared/domain/scenario.ts';
import { supersedes } from '../../../../src-renderer/src/stores/scenario-run-order.ts';

const status = (runId: string, startedAt: number, revision: number, state: ScenarioRunStatus['state'] = 'waiting'): ScenarioRunStatus => ({
  runId,
  scenarioId: 's',
  scenarioName: 'story',
  state,
  speed: 1,
  maxWaitMs: null,
  total: 3,
  steps: [],
  nextStepInMs: null,
  nextStepDelayMs: null,
  error: null,
  startedAt,
  revision,
});

describe('which scenario run status the player shows', () => {
  it('of one run, a reply that crossed a newer event is stale', () => {
    expect(supersedes(status('a', 1, 4, 'waiting'), status('a', 1, 5, 'firing'))).toBe(false);
    expect(supersedes(status('a', 1, 5, 'paused'), status('a', 1, 5, 'paused'))).toBe(true);
    expect(supersedes(status('a', 1, 6, 'stopped'), status('a', 1, 5, 'firing'))).toBe(true);
  });

  it("a stopped run's late last word does not hide the run started after it", () => {
    expect(supersedes(status('old', 1, 9, 'stopped'), status('new', 2, 1))).toBe(false);
    expect(supersedes(status('new', 2, 1), status('old', 1, 9, 'stopped'))).toBe(true);
    expect(supersedes(status('first', 1, 1), undefined)).toBe(true);
  });
});
