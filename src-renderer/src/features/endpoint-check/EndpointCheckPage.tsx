import { useEffect } from 'react';
import { useEndpointCheck } from '../../stores/endpoint-check-store.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { CheckRunForm } from './CheckRunForm.tsx';
import { CheckRunHistory } from './CheckRunHistory.tsx';
import { CheckRunView, RunningCheckView } from './CheckRunView.tsx';

export function EndpointCheckPage() {
  const { runs, load, selected, selectedError, running, fetchRuns, select } = useEndpointCheck();

  useEffect(() => {
    void useEndpointCheck.getState().fetchRuns();
  }, []);

  const detail = () => {
    if (running) return <RunningCheckView url={running.input.url} cases={running.cases} total={running.total} />;
    if (selected) return <CheckRunView run={selected} history={runs} />;
    return (
      <EmptyState title="Check your endpoint">
        Hooklab sends your receiver the requests that expose the commonest webhook bugs: forged and stale signatures, wrong credentials, duplicates, reordered
        updates, malformed and oversized bodies. Each case says what a correct receiver answers and why.
      </EmptyState>
    );
  };

  return (
    <div className="split">
      <section className="pane pane-list" aria-label="Run a check">
        <div className="pane-toolbar">
          <h2 className="pane-title">Run a check</h2>
        </div>
        <div className="check-form-pane">
          <CheckRunForm />
        </div>
        <div className="pane-toolbar">
          <h2 className="pane-title">
            History <span className="count">{runs.length}</span>
          </h2>
        </div>
        {load.status === 'error' && <ErrorBanner error={load.error} onRetry={() => void fetchRuns()} />}
        {load.status === 'ready' && runs.length === 0 && (
          <p className="check-history-empty muted">No runs yet. Runs from the command line (hooklab check) show here too.</p>
        )}
        <CheckRunHistory runs={runs} selectedId={running ? null : (selected?.id ?? null)} onSelect={(id) => void select(id)} />
      </section>
      <section className="pane pane-detail" aria-label="Check run">
        {selectedError && <ErrorBanner error={selectedError} />}
        {detail()}
      </section>
    </div>
  );
}
