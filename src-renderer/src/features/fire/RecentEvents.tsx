import type { FireEventResult } from '../../../../src-shared/contracts/app-contract.ts';
import { formatTime } from '../../format/time-format.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { useFire } from '../../stores/fire-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';

function FiredEventCard({ result }: { result: FireEventResult }) {
  const { event, deliveries } = result;

  return (
    <article className="fired-event" data-testid="fired-event" aria-label={`${event.eventName} ${event.entityId}`}>
      <header className="row-line">
        <span className="row-title">{event.eventName}</span>
        <span className="row-meta">{formatTime(event.createdAt)}</span>
      </header>
      <div className="row-line muted small">
        <span className="row-ellipsis">{event.activity}</span>
        <span className="mono row-meta" title="Entity id">
          {event.entityId}
        </span>
      </div>
      {deliveries.length === 0 ? (
        <p className="muted small">No webhook received it.</p>
      ) : (
        <ul className="plain-list fired-deliveries">
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              <button
                type="button"
                className="fired-delivery"
                onClick={() => revealDelivery(delivery)}
                title="Open this delivery"
                data-testid="fired-delivery"
              >
                <span className="row-ellipsis">{delivery.webhookName}</span>
                <DeliveryStatusPill status={delivery.status} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Events fired from this window, each with its deliveries' live status. */
export function RecentEvents() {
  const recent = useFire((state) => state.recent);
  if (recent.length === 0) {
    return (
      <EmptyState title="Nothing fired yet" testId="fire-empty">
        Choose an event and press <strong>Fire event</strong>. Each webhook that receives it shows up here, and its
        status changes live as it is delivered.
      </EmptyState>
    );
  }
  return (
    <div className="fired-events" data-testid="recent-events">
      {recent.map((result) => (
        <FiredEventCard key={result.event.id} result={result} />
      ))}
    </div>
  );
}
