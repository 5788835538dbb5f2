import { lazy, Suspense } from 'react';
import type { DeliveryDetail, SlotWait } from '../../../../src-shared/domain/delivery.ts';
import { formatTimestamp, formatUntil } from '../../format/time-format.ts';
import { useVendorNow } from '../../stores/use-vendor-now.ts';
import { SkippedWebhookRow } from '../fire/SkippedWebhookRow.tsx';
import { CopyableId } from '../ui/CopyableId.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { Section } from '../ui/Section.tsx';
import { AttemptTimeline } from './AttemptTimeline.tsx';
import { DeliveryActions } from './DeliveryActions.tsx';
import { DeliveryStatusPill } from './DeliveryStatusPill.tsx';
import { EngineTimestamp } from '../ui/TimeKind.tsx';

// Monaco's diff editor loads the first time an update is opened.
const StateDiff = lazy(() => import('../../editor/StateDiff.tsx'));

const mono = (text: string) => <span className="mono">{text}</span>;

function RetryingNotice({ dueAt }: { dueAt: number }) {
  const now = useVendorNow();
  return (
    <p className="notice notice-warning" role="status">
      The last attempt failed; the next one is due {now === null ? `at ${formatTimestamp(dueAt)}` : formatUntil(dueAt - now)} (engine time). The engine retries
      by itself until the schedule runs out.
    </p>
  );
}

function SlotWaitNotice({ wait }: { wait: SlotWait }) {
  return (
    <p className="notice notice-warning" role="status" data-testid="slot-wait">
      {wait.scope === 'origin' ? (
        <>
          Waiting for a free slot at {mono(wait.origin)} ({wait.inFlight} tries in flight, the most one endpoint gets at once). It goes out as soon as one of
          them ends.
        </>
      ) : (
        <>Waiting for a free slot: {wait.inFlight} tries are in flight over all endpoints, the most the engine makes at once.</>
      )}
    </p>
  );
}

export function DeliveryDetailView({ detail }: { detail: DeliveryDetail }) {
  const { delivery, event, attempts } = detail;

  return (
    <div className="detail" data-testid="delivery-detail">
      <header className="detail-header">
        <div className="detail-title">
          <h2>{delivery.eventName}</h2>
          <DeliveryStatusPill status={delivery.status} />
        </div>
        <div className="detail-actions">
          <CopyableId id={delivery.id} name="Delivery id" />
        </div>
      </header>
      <div className="detail-body">
        <DeliveryActions key={delivery.id} delivery={delivery} />
        {detail.slotWait ? (
          <SlotWaitNotice wait={detail.slotWait} />
        ) : (
          delivery.status === 'retrying' && delivery.nextAttemptAt !== null && <RetryingNotice dueAt={delivery.nextAttemptAt} />
        )}
        <Section title="Delivery">
          <KeyValueList
            label="Delivery"
            testId="delivery-facts"
            items={[
              ['Webhook', delivery.webhookName],
              ['Endpoint', mono(delivery.endpointUrl)],
              ['Activity', delivery.activity],
              ['Entity id', mono(event.entityId)],
              ['Event id', mono(event.id)],
              ['Request id', mono(event.requestId)],
              ['Fired at', <EngineTimestamp text={formatTimestamp(event.opTime)} />],
            ]}
          />
        </Section>
        {event.previousState && event.currentState && (
          <Section title="State change">
            <Suspense fallback={<LoadingState label="Loading the diff…" />}>
              <StateDiff
                before={JSON.stringify(event.previousState, null, 2)}
                after={JSON.stringify(event.currentState, null, 2)}
                label="Previous state and current state"
              />
            </Suspense>
          </Section>
        )}
        <Section title="Attempts" count={attempts.length}>
          <AttemptTimeline delivery={delivery} attempts={attempts} />
        </Section>
        {detail.skipped.length > 0 && (
          <Section title="Skipped for this event" count={detail.skipped.length}>
            <ul className="plain-list" aria-label="Webhooks this event skipped" data-testid="delivery-skipped">
              {detail.skipped.map((skip) => (
                <SkippedWebhookRow key={skip.webhookId} skip={skip} />
              ))}
            </ul>
          </Section>
        )}
      </div>
    </div>
  );
}
