import type { DeliveryStatus } from '../../../../src-shared/domain/delivery.ts';
import { DELIVERY_STATUS_LABELS } from './delivery-status.ts';

export function DeliveryStatusPill({ status }: { status: DeliveryStatus }) {
  const { label, tone } = DELIVERY_STATUS_LABELS[status];
  return (
    <span className={`pill pill-${tone}`} data-testid="delivery-status" data-status={status}>
      {label}
    </span>
  );
}
