import type { DeliveryStatus } from '../../../../src-shared/domain/delivery.ts';

/** How each delivery state reads in the UI, and the colour family its pill uses. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { label: string; tone: 'info' | 'warning' | 'success' | 'danger' | 'muted' }> = {
  pending: { label: 'Pending', tone: 'muted' },
  in_progress: { label: 'In progress', tone: 'info' },
  retrying: { label: 'Retrying', tone: 'warning' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  marked_successful: { label: 'Marked successful', tone: 'success' },
};
