import { useEffect, useMemo, useState } from 'react';
import { useScenarioRuns } from '../../stores/scenario-run-store.ts';
import { NEW_SCENARIO, useScenarios } from '../../stores/scenario-store.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { useUnsavedDrafts } from '../../stores/unsaved-draft-store.ts';
import { copyDraftOf, draftHasEdits, draftOf, emptyDraft } from './scenario-draft.ts';
import { ScenarioDetail } from './ScenarioDetail.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import { ScenarioList } from './ScenarioList.tsx';

export function ScenariosPage() {
  const { scenarios, load, selectedId, drafts, select, setDraft, dropDraft, remove } = useScenarios();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const drafted = useMemo(() => new Set(Object.keys(drafts)), [drafts]);

  useEffect(() => {
    void useScenarios.getState().fetchAll();
    void useScenarioRuns.getState().restore();
  }, []);

  const selected = scenarios.find((scenario) => scenario.id === selectedId) ?? null;
  const draftKey = selectedId === NEW_SCENARIO ? NEW_SCENARIO : selected?.id;
  const draft = draftKey ? drafts[draftKey] : undefined;

  const startNew = () => {
    if (!drafts[NEW_SCENARIO]) setDraft(NEW_SCENARIO, emptyDraft());
    select(NEW_SCENARIO);
  };
  /**
   * Runs `proceed` at once, or after the user agrees to lose the edits of the draft under `key`.
   * Scenario drafts outlive the page in their store: only closing or replacing one loses it.
   */
  const askBeforeLosing = (key: string, proceed: () => void) => {
    const lost = drafts[key];
    if (!lost || !draftHasEdits(lost, key === NEW_SCENARIO ? null : (scenarios.find((scenario) => scenario.id === key) ?? null))) {
      proceed();
      return;
    }
    useUnsavedDrafts.getState().ask(lost.name ? `Scenario “${lost.name}”` : 'The new scenario', proceed);
  };
  const duplicate = () => {
    if (!selected) return;
    askBeforeLosing(NEW_SCENARIO, () => {
      setDraft(NEW_SCENARIO, copyDraftOf(selected));
      select(NEW_SCENARIO);
    });
  };
  const closeEditor = () => {
    if (!draftKey) return;
    askBeforeLosing(draftKey, () => {
      dropDraft(draftKey);
      if (draftKey === NEW_SCENARIO) select(scenarios[0]?.id ?? NEW_SCENARIO);
    });
  };

  const detail = () => {
    if (draftKey && draft) {
      return <ScenarioEditor key={draftKey} draftKey={draftKey} draft={draft} onChange={(next) => setDraft(draftKey, next)} onClose={closeEditor} />;
    }
    if (selected) {
      return (
        <ScenarioDetail
          key={selected.id}
          scenario={selected}
          onEdit={() => setDraft(selected.id, draftOf(selected))}
          onDuplicate={duplicate}
          onDelete={() => setConfirmingDelete(true)}
        />
      );
    }
    return null;
  };

  return (
    <div className="split">
      <section className="pane pane-list" aria-label="Scenario list">
        <div className="pane-toolbar">
          <h2 className="pane-title">
            Scenarios <span className="count">{scenarios.length}</span>
          </h2>
          <button type="button" className="button button-primary button-small" onClick={startNew} data-testid="new-scenario">
            New scenario
          </button>
        </div>
        {load.status === 'error' && <ErrorBanner error={load.error} onRetry={() => void useScenarios.getState().fetchAll()} />}
        {load.status === 'loading' && scenarios.length === 0 && <LoadingState label="Loading scenarios…" />}
        {drafts[NEW_SCENARIO] && (
          <button
            type="button"
            className={`scenario-new-draft${selectedId === NEW_SCENARIO ? ' selected' : ''}`}
            onClick={() => select(NEW_SCENARIO)}
            data-testid="scenario-new-draft"
          >
            <span className="row-title">{drafts[NEW_SCENARIO].name || 'New scenario'}</span>
            <span className="pill pill-warning">Not saved</span>
          </button>
        )}
        <ScenarioList scenarios={scenarios} selectedId={selectedId} drafted={drafted} onSelect={select} />
      </section>
      <section className="pane pane-detail" aria-label="Scenario details">
        {detail() ??
          (load.status === 'ready' && <EmptyState title="No scenario chosen">Pick a scenario from the list to play it, or create a new one.</EmptyState>)}
      </section>
      {selected && !selected.builtIn && (
        <ConfirmDialog
          open={confirmingDelete}
          title={`Delete “${selected.name}”?`}
          confirmLabel="Delete scenario"
          onConfirm={() => remove(selected.id)}
          onClose={() => setConfirmingDelete(false)}
        >
          <p>The scenario and its steps are removed. Events it fired, and their deliveries, stay.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
