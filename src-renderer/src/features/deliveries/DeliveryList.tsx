import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import { formatTime } from '../../format/time-format.ts';
import { ListBox } from '../ui/ListBox.tsx';
import { DeliveryStatusPill } from './DeliveryStatusPill.tsx';

export interface DeliveryListProps {
  deliveries: readonly DeliverySummary[];
  selectedId: string | null;
  onSelect(id: string): void;
}

const deliveryId = (delivery: DeliverySummary) => delivery.id;

/** A few words for the list ("HTTP 503", "ECONNREFUSED"); the whole error is in the tooltip and the detail. */
function lastOutcome(delivery: DeliverySummary): string {
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  if (delivery.lastError) return delivery.lastError.split(':')[0].slice(0, 32);
  return 'not sent yet';
}

export function DeliveryList({ deliveries, selectedId, onSelect }: DeliveryListProps) {
  return (
    <ListBox
      id="delivery-list"
      label="Deliveries"
      items={deliveries}
      itemId={deliveryId}
      selectedId={selectedId}
      onSelect={onSelect}
      testId="delivery-list"
      renderItem={(delivery) => (
        <div className="row-stack">
          <div className="row-line">
            <span className="row-title">{delivery.eventName}</span>
            <DeliveryStatusPill status={delivery.status} />
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis">→ {delivery.webhookName}</span>
            <span className="row-meta">{formatTime(delivery.createdAt)}</span>
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis">{delivery.activity}</span>
            <span className="row-meta" title={delivery.lastError ?? 'Attempts so far, and how the last one ended'}>
              {delivery.attemptCount} attempt{delivery.attemptCount === 1 ? '' : 's'} · {lastOutcome(delivery)}
            </span>
          </div>
        </div>
      )}
    />
  );
}
