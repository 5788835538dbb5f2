import { useEffect, useMemo } from 'react';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../../src-shared/domain/delivery.ts';
import { sortedDeliveries, useDeliveries } from '../../stores/deliveries-store.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { DeliveryDetailView } from './DeliveryDetailView.tsx';
import { DeliveryList } from './DeliveryList.tsx';
import { DELIVERY_STATUS_LABELS } from './delivery-status.ts';

function StatusFilter({ value, onChange }: { value: DeliveryStatus | null; onChange(status: DeliveryStatus | null): void }) {
  return (
    <select
      className="input input-small"
      aria-label="Show deliveries with status"
      value={value ?? ''}
      onChange={(event) => onChange((event.target.value || null) as DeliveryStatus | null)}
      data-testid="delivery-status-filter"
    >
      <option value="">All statuses</option>
      {DELIVERY_STATUSES.map((status) => (
        <option key={status} value={status}>
          {DELIVERY_STATUS_LABELS[status].label}
        </option>
      ))}
    </select>
  );
}

export function DeliveriesPage() {
  const byId = useDeliveries((state) => state.byId);
  const statusFilter = useDeliveries((state) => state.statusFilter);
  const load = useDeliveries((state) => state.load);
  const selectedId = useDeliveries((state) => state.selectedId);
  const detail = useDeliveries((state) => state.detail);
  const detailError = useDeliveries((state) => state.detailError);
  const store = useDeliveries.getState();
  const go = useNavigation((state) => state.go);
  const deliveries = useMemo(() => sortedDeliveries(byId, statusFilter), [byId, statusFilter]);

  useEffect(() => {
    void useDeliveries.getState().fetchList();
  }, []);

  const shownDetail = detail && detail.delivery.id === selectedId ? detail : null;

  return (
    <div className="split">
      <section className="pane pane-list" aria-label="Delivery list">
        <div className="pane-toolbar">
          <h2 className="pane-title">
            Deliveries <span className="count">{deliveries.length}</span>
          </h2>
          <StatusFilter value={statusFilter} onChange={(status) => store.setStatusFilter(status)} />
        </div>
        {load.status === 'error' && <ErrorBanner error={load.error} onRetry={() => void store.fetchList()} />}
        {load.status === 'loading' && deliveries.length === 0 && <LoadingState label="Loading deliveries…" />}
        {load.status === 'ready' && deliveries.length === 0 && (
          <EmptyState
            title={statusFilter ? `No ${DELIVERY_STATUS_LABELS[statusFilter].label.toLowerCase()} deliveries` : 'No deliveries yet'}
            testId="deliveries-empty"
            action={
              <button type="button" className="button button-primary" onClick={() => go('fire')}>
                Fire an event
              </button>
            }
          >
            A delivery is one event sent to one webhook. Fire an event and every enabled webhook subscribed to it gets
            one, shown here live with each attempt.
          </EmptyState>
        )}
        {deliveries.length > 0 && (
          <DeliveryList deliveries={deliveries} selectedId={selectedId} onSelect={(id) => store.select(id)} />
        )}
      </section>
      <section className="pane pane-detail" aria-label="Delivery details">
        {detailError && <ErrorBanner error={detailError} onRetry={() => selectedId && store.select(selectedId)} />}
        {shownDetail ? (
          <DeliveryDetailView detail={shownDetail} />
        ) : selectedId ? (
          !detailError && <LoadingState label="Loading delivery…" />
        ) : (
          deliveries.length > 0 && (
            <EmptyState title="Pick a delivery">
              Choose one on the left (arrow keys move through the list) to see the request as sent and every response.
            </EmptyState>
          )
        )}
      </section>
    </div>
  );
}
