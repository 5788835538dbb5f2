import type { ScenarioRunStatus } from '../../../src-shared/domain/scenario.ts';

/**
 * Whether `next` should replace `current` as what a scenario's player shows. Statuses come from two
 * places (replies to calls, the event stream) and may cross: the same run's older revision is
 * stale, and an older run (a late "stopped", a run from another window) never replaces a newer one.
 */
export function supersedes(next: ScenarioRunStatus, current: ScenarioRunStatus | undefined): boolean {
  if (!current) return true;
  if (next.runId === current.runId) return next.revision >= current.revision;
  return next.startedAt >= current.startedAt;
}
