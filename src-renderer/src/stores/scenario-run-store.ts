import { create } from 'zustand';
import type { ControlScenarioRunInput, ScenarioRunStatus } from '../../../src-shared/domain/scenario.ts';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import { mergeDeliveryChanges, newerDelivery, readDelivery, recentDeliveryChange } from './recent-delivery-changes.ts';
import { supersedes } from './scenario-run-order.ts';

/** A run's status with the moment (real ms) it arrived, so a countdown can run from it locally. */
export interface ScenarioRunView {
  status: ScenarioRunStatus;
  receivedAt: number;
}

type RunAction = Exclude<ControlScenarioRunInput['action'], 'speed'>;

/** How fast a run plays: its speed, and demo pace (the longest real wait) or null. */
export interface RunPace {
  speed: number;
  maxWaitMs: number | null;
}

interface ScenarioRunState {
  /** The latest run of each scenario, by scenario id. */
  runs: Record<string, ScenarioRunView>;
  /** The deliveries of fired steps, kept current by the live feed. */
  deliveries: Record<string, DeliverySummary>;
  busy: boolean;
  error: UiError | null;
  /** Picks up runs under way (and the last ones over) after the page opens. */
  restore(): Promise<void>;
  /** `maxWaitMs`: demo pace, every wait at most that long in real time; null plays delays in full. */
  start(scenarioId: string, pace: RunPace, paused: boolean): Promise<void>;
  control(runId: string, action: RunAction): Promise<void>;
  setSpeed(runId: string, speed: number): Promise<void>;
  applyStatus(status: ScenarioRunStatus): void;
  applyDeliveryChanges(changes: readonly DeliverySummary[]): void;
}

function newRunId(): string {
  return `run-${crypto.randomUUID()}`;
}

export const useScenarioRuns = create<ScenarioRunState>()((set, get) => {
  /** Deliveries a status names that the feed has not brought yet (a run restored, or a fast step). */
  async function fetchMissing(status: ScenarioRunStatus): Promise<void> {
    const missing = status.steps.flatMap((step) => step.deliveryIds).filter((id) => !get().deliveries[id]);
    if (missing.length === 0) return;
    const fetched = await Promise.all(missing.map((id) => readDelivery(id).catch(() => null)));
    const known = { ...get().deliveries };
    for (const delivery of fetched) if (delivery) known[delivery.id] = newerDelivery(delivery, known[delivery.id] ?? recentDeliveryChange(delivery.id));
    set({ deliveries: known });
  }

  async function call(work: () => Promise<ScenarioRunStatus>): Promise<void> {
    set({ busy: true, error: null });
    try {
      get().applyStatus(await work());
      set({ busy: false });
    } catch (error) {
      set({ busy: false, error: toUiError(error) });
    }
  }

  return {
    runs: {},
    deliveries: {},
    busy: false,
    error: null,
    async restore() {
      try {
        const statuses = await appApi().listScenarioRuns();
        // Newest first: the first of each scenario is its latest, and the only one the player shows.
        const seen = new Set<string>();
        for (const status of statuses) {
          if (seen.has(status.scenarioId)) continue;
          seen.add(status.scenarioId);
          get().applyStatus(status);
        }
      } catch (error) {
        set({ error: toUiError(error) });
      }
    },
    start(scenarioId, { speed, maxWaitMs }, paused) {
      return call(() => appApi().startScenario({ id: scenarioId, speed, ...(maxWaitMs === null ? {} : { maxWaitMs }), paused, runId: newRunId() }));
    },
    control(runId, action) {
      return call(() => appApi().controlScenarioRun({ runId, action }));
    },
    setSpeed(runId, speed) {
      return call(() => appApi().controlScenarioRun({ runId, action: 'speed', speed }));
    },
    applyStatus(status) {
      if (!supersedes(status, get().runs[status.scenarioId]?.status)) return;
      set({ runs: { ...get().runs, [status.scenarioId]: { status, receivedAt: Date.now() } } });
      void fetchMissing(status);
    },
    applyDeliveryChanges(changes) {
      const { deliveries } = get();
      const next = mergeDeliveryChanges(deliveries, changes, (id) => Boolean(deliveries[id]));
      if (next !== deliveries) set({ deliveries: next });
    },
  };
});
