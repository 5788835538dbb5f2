import { formatByteSize } from '../../format/byte-size.ts';
import { formatCountOf } from '../../format/count-format.ts';
import { useReceiver } from '../../stores/receiver-store.ts';

/**
 * Pruning is never silent: the last prune while the page is open, as a notice until dismissed,
 * and the total pruned since the workspace was made, for as long as it is not zero.
 */
export function CapturesPrunedNotice({ onOpenRetention }: { onOpenRetention(): void }) {
  const pruned = useReceiver((state) => state.pruned);
  const retention = useReceiver((state) => state.retention);
  if (!retention || retention.prunedCount === 0) return null;
  const limits = `${formatCountOf(retention.maxCount, 'capture', 'captures')} and ${formatByteSize(retention.maxBytes)}`;
  return (
    <div className="receiver-pruned">
      {pruned && (
        <div className="notice notice-warning receiver-pruned-notice" role="status" data-testid="captures-pruned-notice">
          <span>
            {formatCountOf(pruned.count, 'oldest capture', 'oldest captures')} ({formatByteSize(pruned.bytes)}) {pruned.count === 1 ? 'was' : 'were'} deleted{' '}
            {pruned.cause === 'limits-lowered' ? 'to fit the lowered limits' : 'to make room'}: this workspace keeps at most {limits}.
          </span>
          <button type="button" className="button button-small" onClick={() => useReceiver.getState().dismissPruned()}>
            Dismiss
          </button>
        </div>
      )}
      <p className="muted small" data-testid="captures-pruned-counter">
        {formatCountOf(retention.prunedCount, 'oldest capture', 'oldest captures')} pruned by the retention limits so far.{' '}
        <button type="button" className="link-button" onClick={onOpenRetention}>
          Change limits…
        </button>
      </p>
    </div>
  );
}
