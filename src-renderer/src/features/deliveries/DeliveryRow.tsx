import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import { formatTime } from '../../format/time-format.ts';
import { DeliveryStatusPill } from './DeliveryStatusPill.tsx';

/** A few words for the list ("HTTP 503", "ECONNREFUSED"); the whole error is in the tooltip and the detail. */
function lastOutcome(delivery: DeliverySummary): string {
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  if (delivery.lastError) return delivery.lastError.split(':')[0].slice(0, 32);
  return 'not sent yet';
}

export interface DeliveryRowProps {
  delivery: DeliverySummary;
  checked: boolean;
  onCheck(range: boolean): void;
}

/** What one line of the list says about a delivery, with the tick box bulk actions use. */
export function DeliveryRow({ delivery, checked, onCheck }: DeliveryRowProps) {
  return (
    <>
      <input
        type="checkbox"
        className="row-check"
        tabIndex={-1}
        checked={checked}
        aria-label={`Select ${delivery.eventName} to ${delivery.webhookName}`}
        data-testid="delivery-check"
        onClick={(event) => {
          event.stopPropagation();
          onCheck(event.shiftKey);
        }}
        onChange={() => undefined}
      />
      <div className="row-stack">
        <div className="row-line">
          <span className="row-title">{delivery.eventName}</span>
          <DeliveryStatusPill status={delivery.status} />
        </div>
        <div className="row-line muted">
          <span className="row-ellipsis">→ {delivery.webhookName}</span>
          <span className="row-meta" title="Created (engine time)">
            {formatTime(delivery.createdAt)}
          </span>
        </div>
        <div className="row-line muted">
          <span className="row-ellipsis">{delivery.activity}</span>
          <span className="row-meta" title={delivery.lastError ?? 'Attempts so far, and how the last one ended'}>
            {delivery.attemptCount} attempt{delivery.attemptCount === 1 ? '' : 's'} · {lastOutcome(delivery)}
          </span>
        </div>
      </div>
    </>
  );
}
