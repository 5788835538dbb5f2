import { create } from 'zustand';
import type { Scenario, ScenarioInput } from '../../../src-shared/domain/scenario.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError } from '../api/ui-error.ts';
import type { ScenarioDraft } from '../features/scenarios/scenario-draft.ts';
import type { LoadState } from './load-state.ts';
import { upsertById } from './upsert-by-id.ts';

/** The key of a scenario not saved yet, in `drafts`. */
export const NEW_SCENARIO = 'new';

interface ScenarioState {
  scenarios: Scenario[];
  load: LoadState;
  selectedId: string | null;
  /**
   * Unsaved edits by scenario id (or NEW_SCENARIO): switching scenarios keeps them, so nothing
   * typed is lost and no dialog stands between the user and the list.
   */
  drafts: Record<string, ScenarioDraft>;
  fetchAll(): Promise<void>;
  select(id: string): void;
  setDraft(key: string, draft: ScenarioDraft): void;
  dropDraft(key: string): void;
  /** Rejects with the raw error so the editor can place field issues. */
  save(draftKey: string, input: ScenarioInput & { id?: string }): Promise<Scenario>;
  remove(id: string): Promise<void>;
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

export const useScenarios = create<ScenarioState>()((set, get) => ({
  scenarios: [],
  load: { status: 'idle' },
  selectedId: null,
  drafts: {},
  async fetchAll() {
    set({ load: { status: 'loading' } });
    try {
      const scenarios = await appApi().listScenarios();
      const { selectedId } = get();
      const keep = selectedId === NEW_SCENARIO || scenarios.some((scenario) => scenario.id === selectedId);
      set({ scenarios, load: { status: 'ready' }, selectedId: keep ? selectedId : (scenarios[0]?.id ?? null) });
    } catch (error) {
      set({ load: { status: 'error', error: toUiError(error) } });
    }
  },
  select(id) {
    set({ selectedId: id });
  },
  setDraft(key, draft) {
    set({ drafts: { ...get().drafts, [key]: draft } });
  },
  dropDraft(key) {
    set({ drafts: withoutKey(get().drafts, key) });
  },
  async save(draftKey, input) {
    const saved = await appApi().saveScenario(input);
    const { scenarios, drafts } = get();
    set({
      scenarios: upsertById(scenarios, saved),
      drafts: withoutKey(drafts, draftKey),
      selectedId: saved.id,
    });
    return saved;
  },
  async remove(id) {
    await appApi().deleteScenario({ id });
    const scenarios = get().scenarios.filter((scenario) => scenario.id !== id);
    set({ scenarios, drafts: withoutKey(get().drafts, id), selectedId: scenarios[0]?.id ?? null });
  },
}));
