import { useEffect } from 'react';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { DeliveryRulesView } from './DeliveryRulesView.tsx';

export function DeliveryRulesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const rules = useDeliveryRules((state) => state.rules);
  const error = useDeliveryRules((state) => state.error);

  useEffect(() => {
    if (open) void useDeliveryRules.getState().load();
  }, [open]);

  return (
    <Dialog open={open} title="Delivery rules" onClose={onClose} size="large" testId="delivery-rules-dialog">
      {error && <ErrorBanner error={error} onRetry={() => void useDeliveryRules.getState().load()} />}
      {rules ? <DeliveryRulesView rules={rules} /> : !error && <LoadingState label="Loading the rules…" />}
    </Dialog>
  );
}
