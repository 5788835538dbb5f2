import { bulkBlocker, useBulk } from '../../stores/bulk-store.ts';
import { useDeliveryList } from '../../stores/delivery-list-store.ts';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { bulkResultText, RUNNING } from './bulk-result-text.ts';
import { formatCount } from '../../format/count-format.ts';

/** Acting on many deliveries: what is selected, the two bulk operations, their progress and result. */
export function BulkBar() {
  const checked = useBulk((state) => state.checked);
  const allMatching = useBulk((state) => state.allMatching);
  const running = useBulk((state) => state.running);
  const progress = useBulk((state) => state.progress);
  const result = useBulk((state) => state.result);
  const error = useBulk((state) => state.error);
  const total = useDeliveryList((state) => state.window.total);
  const tries = useDeliveryRules((state) => state.rules?.manualRetryAttempts ?? 3);
  const bulk = useBulk.getState();

  const selected = allMatching ? total : checked.size;
  if (selected === 0 && !running && !result && !error) return null;
  const blocker = bulkBlocker({ checked, allMatching, running });

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions" data-testid="bulk-bar">
      <div className="bulk-bar-line">
        <span className="bulk-count" data-testid="bulk-count">
          {allMatching ? `All ${formatCount(total)} matching` : `${formatCount(selected)} selected`}
        </span>
        {!allMatching && selected > 0 && total > selected && (
          <button type="button" className="link-button small" onClick={() => bulk.selectAllMatching()}>
            Select all {formatCount(total)} matching
          </button>
        )}
        <span className="bulk-bar-buttons">
          <button
            type="button"
            className="button button-small"
            disabled={blocker !== null}
            title={blocker ?? `Failed ones get up to ${tries} new tries each; the others are skipped`}
            onClick={() => void bulk.run('retry')}
          >
            Retry failed
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={blocker !== null}
            title={blocker ?? 'Failed ones leave the failure queue without being sent again; the others are skipped'}
            onClick={() => void bulk.run('mark_successful')}
          >
            Mark successful
          </button>
          <button type="button" className="icon-button" aria-label="Clear selection" title="Clear selection" onClick={() => bulk.clear()}>
            ×
          </button>
        </span>
      </div>
      {progress && (
        <div className="bulk-progress" data-testid="bulk-progress">
          <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={`${RUNNING[progress.operation]} deliveries`} />
          <span className="muted small">
            {running ? RUNNING[progress.operation] : 'Done'}: {formatCount(progress.done)} of {formatCount(progress.total)}
          </span>
        </div>
      )}
      {result && (
        <p className="bulk-result" role="status" data-testid="bulk-result">
          {bulkResultText(result)}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
