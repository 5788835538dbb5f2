import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../../src-shared/domain/delivery.ts';
import { DELIVERY_STATUS_LABELS } from './delivery-status.ts';

export interface StatusChipsProps {
  id: string;
  /** None chosen means every status. */
  value: readonly DeliveryStatus[];
  onChange(statuses: DeliveryStatus[]): void;
  describedBy?: string;
}

/** Toggle chips, one per delivery state; several can be on. */
export function StatusChips({ id, value, onChange, describedBy }: StatusChipsProps) {
  const chosen = new Set(value);
  const toggle = (status: DeliveryStatus) =>
    onChange(DELIVERY_STATUSES.filter((candidate) => (candidate === status ? !chosen.has(status) : chosen.has(candidate))));

  return (
    <div id={id} className="status-chips" role="group" aria-label="Statuses" aria-describedby={describedBy} data-testid="status-chips">
      {DELIVERY_STATUSES.map((status) => {
        const { label, tone } = DELIVERY_STATUS_LABELS[status];
        return (
          <button key={status} type="button" className={`chip chip-${tone}`} aria-pressed={chosen.has(status)} onClick={() => toggle(status)}>
            {label}
          </button>
        );
      })}
    </div>
  );
}
