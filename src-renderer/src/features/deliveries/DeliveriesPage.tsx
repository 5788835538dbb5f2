import { useCallback, useEffect, useRef, useState } from 'react';
import { useBulk } from '../../stores/bulk-store.ts';
import { useDeliveryDetail } from '../../stores/delivery-detail-store.ts';
import { useDeliveryList } from '../../stores/delivery-list-store.ts';
import { isEmptyMatch } from '../../stores/delivery-match.ts';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { DeliveryRulesDialog } from '../delivery-rules/DeliveryRulesDialog.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { BulkBar } from './BulkBar.tsx';
import { DeliveryDetailView } from './DeliveryDetailView.tsx';
import { DeliveryFilterBar } from './DeliveryFilterBar.tsx';
import { DeliveryList } from './DeliveryList.tsx';
import { formatCount } from '../../format/count-format.ts';

/** Ticks every matching delivery, or clears the selection; half-ticked while some are. */
function SelectAllCheckbox() {
  const allMatching = useBulk((state) => state.allMatching);
  const some = useBulk((state) => state.checked.size > 0);
  const total = useDeliveryList((state) => state.window.total);
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={`Select all ${formatCount(total)} matching deliveries`}
      title={`Select all ${formatCount(total)} matching deliveries`}
      checked={allMatching}
      disabled={total === 0}
      ref={(element) => {
        if (element) element.indeterminate = some && !allMatching;
      }}
      onChange={() => (allMatching || some ? useBulk.getState().clear() : useBulk.getState().selectAllMatching())}
      data-testid="select-all-matching"
    />
  );
}

/** Where the keyboard is in the list, out of how many. */
function ListFooter() {
  const cursor = useDeliveryList((state) => state.cursor);
  const total = useDeliveryList((state) => state.window.total);
  return (
    <div className="pane-footer muted small" data-testid="delivery-position" aria-live="off">
      {cursor === null ? `${formatCount(total)} deliver${total === 1 ? 'y' : 'ies'}` : `${formatCount(cursor + 1)} of ${formatCount(total)}`}
    </div>
  );
}

export function DeliveriesPage() {
  const load = useDeliveryList((state) => state.load);
  const pageError = useDeliveryList((state) => state.pageError);
  const total = useDeliveryList((state) => state.window.total);
  const held = useDeliveryList((state) => state.window.held.length);
  const match = useDeliveryList((state) => state.match);
  const selectedId = useDeliveryDetail((state) => state.selectedId);
  const detail = useDeliveryDetail((state) => state.detail);
  const detailError = useDeliveryDetail((state) => state.error);
  const go = useNavigation((state) => state.go);
  const [rulesOpen, setRulesOpen] = useState(false);
  const detailRef = useRef<HTMLElement>(null);
  const scrollToTop = useRef<() => void>(() => undefined);
  const list = useDeliveryList.getState();

  useEffect(() => {
    void useDeliveryList.getState().refresh();
    void useDeliveryRules.getState().load();
  }, []);

  const onSearch = useCallback(() => {
    useBulk.getState().clear();
    scrollToTop.current();
  }, []);
  const setScroller = useCallback((scroll: () => void) => {
    scrollToTop.current = scroll;
  }, []);

  const shownDetail = detail && detail.delivery.id === selectedId ? detail : null;
  const filtered = !isEmptyMatch(match);

  return (
    <div className="page-with-filters">
      <DeliveryFilterBar
        onSearch={onSearch}
        actions={
          <button type="button" className="button button-small" onClick={() => setRulesOpen(true)} data-testid="delivery-rules-open">
            Delivery rules
          </button>
        }
      />
      <div className="split split-deliveries">
        <section className="pane pane-list" aria-label="Delivery list">
          <div className="pane-toolbar">
            <div className="pane-toolbar-title">
              <SelectAllCheckbox />
              <h2 className="pane-title">
                Deliveries{' '}
                <span className="count" data-testid="delivery-total">
                  {formatCount(total)}
                </span>
              </h2>
            </div>
            {filtered && (
              <button type="button" className="link-button small" onClick={() => void list.search({}).then(onSearch)}>
                Clear filters
              </button>
            )}
          </div>
          <BulkBar />
          {held > 0 && (
            <button
              type="button"
              className="held-bar"
              data-testid="held-deliveries"
              onClick={() => {
                list.showHeld();
                scrollToTop.current();
              }}
            >
              {formatCount(held)} new deliver{held === 1 ? 'y' : 'ies'} — show
            </button>
          )}
          {load.status === 'error' && <ErrorBanner error={load.error} onRetry={() => void list.refresh()} />}
          {pageError && <ErrorBanner error={pageError} onRetry={() => void list.refresh()} />}
          {load.status === 'loading' && total === 0 && <LoadingState label="Loading deliveries…" />}
          {load.status === 'ready' &&
            total === 0 &&
            held === 0 &&
            (filtered ? (
              <EmptyState title="No deliveries match" testId="deliveries-no-match">
                Nothing matches these filters. Widen the time range or choose other statuses.
              </EmptyState>
            ) : (
              <EmptyState
                title="No deliveries yet"
                testId="deliveries-empty"
                action={
                  <button type="button" className="button button-primary" onClick={() => go('fire')}>
                    Fire an event
                  </button>
                }
              >
                A delivery is one event sent to one webhook. Fire an event and every enabled webhook subscribed to it gets one, shown here live with each
                attempt.
              </EmptyState>
            ))}
          {total > 0 && <DeliveryList onOpen={() => detailRef.current?.focus()} scrollerRef={setScroller} />}
          {total > 0 && <ListFooter />}
        </section>
        <section ref={detailRef} tabIndex={-1} className="pane pane-detail" aria-label="Delivery details">
          {detailError && <ErrorBanner error={detailError} onRetry={() => useDeliveryDetail.getState().reload()} />}
          {shownDetail ? (
            <DeliveryDetailView detail={shownDetail} />
          ) : selectedId ? (
            !detailError && <LoadingState label="Loading delivery…" />
          ) : (
            total > 0 && (
              <EmptyState title="Pick a delivery">
                Choose one on the left (arrow keys move through the list, Space ticks it for bulk actions) to see every attempt, the request as sent and each
                response.
              </EmptyState>
            )
          )}
        </section>
      </div>
      <DeliveryRulesDialog open={rulesOpen} onClose={() => setRulesOpen(false)} />
    </div>
  );
}
