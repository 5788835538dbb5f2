import { create } from 'zustand';
import type { CheckCaseResult, CheckProgress, CheckRun, CheckRunSummary, RunEndpointCheckInput } from '../../../src-shared/domain/endpoint-check.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';
import type { LoadState } from './load-state.ts';

/** A run under way in this window: the cases reported so far. */
export interface RunningCheck {
  runId: string;
  input: RunEndpointCheckInput;
  cases: CheckCaseResult[];
  total: number | null;
}

interface EndpointCheckState {
  runs: CheckRunSummary[];
  load: LoadState;
  /** The run shown: picked from the history, or the one that just finished. */
  selected: CheckRun | null;
  selectedError: UiError | null;
  running: RunningCheck | null;
  /** Why the last run could not start (field issues for the form). */
  startError: UiError | null;
  /** The run `selected` is compared with. */
  compareWith: CheckRun | null;
  fetchRuns(): Promise<void>;
  select(id: string): Promise<void>;
  compare(id: string | null): Promise<void>;
  start(input: Omit<RunEndpointCheckInput, 'runId'>): Promise<void>;
  applyProgress(progress: CheckProgress): void;
  /** A run kept by this window, another one or the CLI joins the history. */
  applySaved(run: CheckRunSummary): void;
}

const HISTORY_LIMIT = 100;

export const useEndpointCheck = create<EndpointCheckState>()((set, get) => ({
  runs: [],
  load: { status: 'idle' },
  selected: null,
  selectedError: null,
  running: null,
  startError: null,
  compareWith: null,
  async fetchRuns() {
    set({ load: { status: 'loading' } });
    try {
      set({ runs: await appApi().listEndpointCheckRuns({ limit: HISTORY_LIMIT }), load: { status: 'ready' } });
    } catch (error) {
      set({ load: { status: 'error', error: toUiError(error) } });
    }
  },
  async select(id) {
    if (get().selected?.id === id) return;
    try {
      const run = await appApi().getEndpointCheckRun({ id });
      set({ selected: run, selectedError: null, compareWith: null });
    } catch (error) {
      set({ selectedError: toUiError(error) });
    }
  },
  async compare(id) {
    if (id === null) {
      set({ compareWith: null });
      return;
    }
    try {
      set({ compareWith: await appApi().getEndpointCheckRun({ id }) });
    } catch (error) {
      set({ selectedError: toUiError(error) });
    }
  },
  async start(input) {
    const runId = crypto.randomUUID();
    set({ running: { runId, input, cases: [], total: null }, startError: null });
    try {
      const run = await appApi().runEndpointCheck({ ...input, runId });
      set({ selected: run, compareWith: null, running: null });
    } catch (error) {
      set({ running: null, startError: toUiError(error) });
    }
  },
  applySaved(run) {
    set({ runs: [run, ...get().runs.filter((kept) => kept.id !== run.id)].slice(0, HISTORY_LIMIT) });
  },
  applyProgress(progress) {
    const { running } = get();
    if (!running || running.runId !== progress.runId) return;
    set({ running: { ...running, cases: [...running.cases, progress.result], total: progress.total } });
  },
}));
