import type { FireEventResult } from '../../../../src-shared/contracts/app-contract.ts';
import { formatTime } from '../../format/time-format.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { useFire } from '../../stores/fire-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { SkippedWebhookRow } from './SkippedWebhookRow.tsx';

function FiredEventCard({ result }: { result: FireEventResult }) {
  const { event, deliveries, skipped } = result;

  return (
    <article className="fired-event" data-testid="fired-event" data-event-id={event.id} aria-label={`${event.eventName} ${event.entityId}`}>
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
      {deliveries.length === 0 && skipped.length === 0 ? (
        <p className="muted small">No webhook subscribes to this event.</p>
      ) : (
        <ul className="plain-list fired-deliveries" aria-label="Webhooks of this event">
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              <button type="button" className="fired-delivery" onClick={() => revealDelivery(delivery)} title="Open this delivery" data-testid="fired-delivery">
                <span className="row-ellipsis">{delivery.webhookName}</span>
                <DeliveryStatusPill status={delivery.status} />
              </button>
            </li>
          ))}
          {skipped.map((skip) => (
            <SkippedWebhookRow key={skip.webhookId} skip={skip} />
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
        Choose an event and press <strong>Fire event</strong>. Each webhook subscribed to it shows up here: the ones that receive it with their delivery status,
        live, and the ones skipped with the reason.
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
