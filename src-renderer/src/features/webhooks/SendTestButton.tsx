import { useState } from 'react';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { toUiError } from '../../api/ui-error.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { useFire } from '../../stores/fire-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';

/** Zentitle2 "Test" (seed 004): an event with an empty payload for this one webhook, never retried. */
export function SendTestButton({ webhook }: { webhook: Webhook }) {
  const [eventId, setEventId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const delivery = useFire((state) => state.recent.find((result) => result.event.id === eventId)?.deliveries[0] ?? null);

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      setEventId((await useFire.getState().sendTest(webhook.id)).event.id);
    } catch (caught) {
      setError(toUiError(caught).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <span className="send-test" role="status" data-testid="send-test">
      <button type="button" className="button" disabled={sending} onClick={send} title="An empty payload whose resource id is this webhook's id; not retried">
        {sending ? 'Sending…' : 'Send test'}
      </button>
      {delivery && (
        <button type="button" className="link-button" title="Open this delivery" onClick={() => revealDelivery(delivery)}>
          Test <DeliveryStatusPill status={delivery.status} />
        </button>
      )}
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}
