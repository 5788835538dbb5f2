import { useState } from 'react';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import { toUiError, type UiError } from '../../api/ui-error.ts';
import { markDeliverySuccessful, redeliverDelivery, retryDelivery } from '../../stores/delivery-actions.ts';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { DELIVERY_STATUS_LABELS } from './delivery-status.ts';

type Action = 'retry' | 'mark' | 'redeliver';

interface ActionSpec {
  label: string;
  busyLabel: string;
  /** Why it does not apply to a delivery in this state, or null when it does. */
  unavailable(delivery: DeliverySummary): string | null;
  explain(tries: number): string;
  run(id: string): Promise<unknown>;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const state = (delivery: DeliverySummary) => DELIVERY_STATUS_LABELS[delivery.status].label.toLowerCase();

const ACTIONS: Record<Action, ActionSpec> = {
  retry: {
    label: 'Retry',
    busyLabel: 'Retrying…',
    unavailable: (delivery) => (delivery.status === 'failed' ? null : `Only failed deliveries can be retried; this one is ${state(delivery)}`),
    explain: (tries) => `Up to ${tries} new tries: the first now, the others at the retry schedule's intervals`,
    run: retryDelivery,
  },
  mark: {
    label: 'Mark successful',
    busyLabel: 'Marking…',
    unavailable: (delivery) => (delivery.status === 'failed' ? null : `Only failed deliveries can be marked successful; this one is ${state(delivery)}`),
    explain: () => 'Takes it out of the failure queue without sending it again',
    run: markDeliverySuccessful,
  },
  redeliver: {
    label: 'Re-deliver',
    busyLabel: 'Sending…',
    unavailable: (delivery) =>
      delivery.status === 'succeeded' || delivery.status === 'marked_successful'
        ? null
        : `Only succeeded or marked-successful deliveries can be re-delivered; this one is ${state(delivery)}`,
    explain: (tries) => `Sends it again with the same event id: a new round of up to ${tries} tries`,
    run: (id) => redeliverDelivery(id),
  },
};

/** Retry, mark successful and re-deliver for the open delivery; a button that does not apply says why. */
export function DeliveryActions({ delivery }: { delivery: DeliverySummary }) {
  const tries = useDeliveryRules((rules) => rules.rules?.manualRetryAttempts ?? 3);
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  const run = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      await ACTIONS[action].run(delivery.id);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const applicable = (Object.keys(ACTIONS) as Action[]).filter((action) => ACTIONS[action].unavailable(delivery) === null);

  return (
    <div className="delivery-actions" data-testid="delivery-actions">
      <div className="delivery-actions-buttons" role="group" aria-label="Delivery actions">
        {(Object.keys(ACTIONS) as Action[]).map((action) => {
          const spec = ACTIONS[action];
          const why = spec.unavailable(delivery);
          return (
            <button
              key={action}
              type="button"
              className="button button-small"
              disabled={why !== null || busy !== null}
              title={why ?? spec.explain(tries)}
              onClick={() => void run(action)}
            >
              {busy === action ? spec.busyLabel : spec.label}
            </button>
          );
        })}
      </div>
      <p className="field-hint" data-testid="delivery-actions-hint">
        {applicable.length > 0
          ? applicable.map((action) => `${ACTIONS[action].label}: ${lowerFirst(ACTIONS[action].explain(tries))}.`).join(' ')
          : 'The engine is still trying: Retry and Mark successful apply once it has failed, Re-deliver once it has succeeded.'}
      </p>
      {error && <ErrorBanner error={error} />}
    </div>
  );
}
