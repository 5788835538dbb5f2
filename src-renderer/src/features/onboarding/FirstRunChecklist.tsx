import { useEffect } from 'react';
import { useAppInfo } from '../../stores/app-info-store.ts';
import { useDeliveryDetail } from '../../stores/delivery-detail-store.ts';
import { useFire } from '../../stores/fire-store.ts';
import { FIRST_RUN_STEPS, useFirstRun, type FirstRunStep } from '../../stores/first-run-store.ts';
import { useNavigation, type View } from '../../stores/navigation-store.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';

const STEP_TEXT: Record<FirstRunStep, { label: string; view: View }> = {
  fire: { label: 'Fire the demo event', view: 'fire' },
  delivery: { label: 'See its delivery', view: 'deliveries' },
  capture: { label: 'See what the receiver caught', view: 'receiver' },
  webhook: { label: 'Make your own webhook', view: 'webhooks' },
};

/** Marks each step as the user does it, wherever they do it from. */
function useFirstRunProgress(): void {
  const dataDir = useAppInfo((state) => state.info?.dataDir ?? null);
  const webhooksReady = useWebhooks((state) => state.load.status === 'ready');
  const webhooks = useWebhooks((state) => state.webhooks);
  const baseline = useFirstRun((state) => state.record?.baseline ?? null);
  const fired = useFire((state) => state.recent.length > 0);
  const deliveryOpened = useDeliveryDetail((state) => state.selectedId !== null);
  const captureOpened = useReceiver((state) => state.selectedId !== null);
  const ownWebhook = baseline !== null && webhooks.some((webhook) => !baseline.includes(webhook.id));

  useEffect(() => {
    if (dataDir !== null && webhooksReady) {
      useFirstRun.getState().begin(
        dataDir,
        useWebhooks.getState().webhooks.map((webhook) => webhook.id),
      );
    }
  }, [dataDir, webhooksReady]);
  // Runs again once the checklist has begun, for what was done before it had.
  const begun = baseline !== null;
  useEffect(() => {
    if (!begun) return;
    const { mark } = useFirstRun.getState();
    if (fired) mark('fire');
    if (deliveryOpened) mark('delivery');
    if (captureOpened) mark('capture');
    if (ownWebhook) mark('webhook');
  }, [begun, fired, deliveryOpened, captureOpened, ownWebhook]);
}

/**
 * The first ten minutes of a new (or demo) workspace, as four steps in the sidebar: each opens
 * its page and ticks itself off when done. Dismissed, it stays away for this workspace.
 */
export function FirstRunChecklist() {
  useFirstRunProgress();
  const record = useFirstRun((state) => state.record);
  const go = useNavigation((state) => state.go);
  if (!record || record.dismissed) return null;
  const doneCount = FIRST_RUN_STEPS.filter((step) => record.done.includes(step)).length;
  const allDone = doneCount === FIRST_RUN_STEPS.length;

  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run-checklist">
      <div className="first-run-header">
        <h2 id="first-run-title">{allDone ? 'All set' : 'Getting started'}</h2>
        <span className="first-run-count" title={`${doneCount} of ${FIRST_RUN_STEPS.length} done`}>
          {doneCount}/{FIRST_RUN_STEPS.length}
        </span>
        <button
          type="button"
          className="icon-button first-run-dismiss"
          aria-label="Dismiss the getting started checklist"
          title="Dismiss; it does not come back for this workspace"
          onClick={() => useFirstRun.getState().dismiss()}
        >
          ×
        </button>
      </div>
      <ol className="first-run-steps">
        {FIRST_RUN_STEPS.map((step) => {
          const done = record.done.includes(step);
          return (
            <li key={step}>
              <button
                type="button"
                className="first-run-step"
                data-done={done || undefined}
                aria-label={`${STEP_TEXT[step].label}${done ? ' (done)' : ''}`}
                onClick={() => go(STEP_TEXT[step].view)}
              >
                <span className="first-run-mark" aria-hidden="true">
                  {done ? '✓' : ''}
                </span>
                <span>{STEP_TEXT[step].label}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
