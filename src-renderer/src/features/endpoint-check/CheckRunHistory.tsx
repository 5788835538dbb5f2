import type { CheckRunSummary } from '../../../../src-shared/domain/endpoint-check.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { ListBox } from '../ui/ListBox.tsx';
import { formatTime } from '../../format/time-format.ts';

export interface CheckRunHistoryProps {
  runs: readonly CheckRunSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
}

const runId = (run: CheckRunSummary) => run.id;

/** Kept runs, newest first: each one's endpoint, vendor and verdict. */
export function CheckRunHistory({ runs, selectedId, onSelect }: CheckRunHistoryProps) {
  return (
    <ListBox
      id="check-run-list"
      label="Check runs"
      items={runs}
      itemId={runId}
      selectedId={selectedId}
      onSelect={onSelect}
      testId="check-run-list"
      renderItem={(run) => (
        <div className="row-stack">
          <div className="row-line">
            <span className="row-title row-ellipsis mono">{run.url}</span>
            <span className={`pill ${run.passed ? 'pill-success' : 'pill-danger'}`}>{run.passed ? 'Passed' : `${run.counts.fail} failed`}</span>
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis">
              {vendorCatalogs[run.vendor].label}
              {run.webhookName ? ` · ${run.webhookName}` : ''}
            </span>
            <span className="row-meta">{formatTime(run.startedAt)}</span>
          </div>
        </div>
      )}
    />
  );
}
