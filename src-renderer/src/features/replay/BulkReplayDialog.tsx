import { useState, type FormEvent } from 'react';
import type { DeliverySummary } from '../../../../src-shared/domain/delivery.ts';
import { REPLAY_RATE_MAX, type ReplayCapturesResult } from '../../../../src-shared/domain/replay.ts';
import { formatCount } from '../../format/count-format.ts';
import { useBulkReplay } from '../../stores/bulk-replay-store.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import {
  BULK_REPLAY_FIELD_LABELS,
  BULK_REPLAY_MAX,
  bulkReplayCount,
  toReplayCapturesInput,
  type BulkReplayField,
  type BulkReplayForm,
} from './bulk-replay-form.ts';
import { tallyBulkReplay } from './bulk-replay-tally.ts';
import { placeReplayFailure, withoutFieldErrors } from './replay-form.ts';
import { ReplayTargetFields } from './ReplayTargetFields.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';

export interface BulkReplayDialogProps {
  open: boolean;
  bin: string;
  /** How many captures the bin holds now. */
  captureCount: number;
  /** Where an exact replay goes unless changed: the bin itself. */
  defaultUrl: string;
  onClose(): void;
}

/** Deliveries listed in the summary; the Deliveries page has them all. */
const LISTED_DELIVERIES = 50;

function BulkReplayProgress() {
  const progress = useBulkReplay((state) => state.progress);
  const running = useBulkReplay((state) => state.running);
  if (!progress) return null;
  return (
    <div className="bulk-progress" data-testid="bulk-replay-progress">
      <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label="Captures replayed" />
      <span className="muted small">
        {running ? 'Sending' : 'Sent'}: {formatCount(progress.done)} of {formatCount(progress.total)}
      </span>
    </div>
  );
}

function DeliveryLinks({ deliveries, onOpen }: { deliveries: DeliverySummary[]; onOpen(delivery: DeliverySummary): void }) {
  return (
    <ul className="bulk-replay-deliveries" aria-label="Replay deliveries" data-testid="bulk-replay-deliveries">
      {deliveries.slice(0, LISTED_DELIVERIES).map((delivery) => (
        <li key={delivery.id}>
          <DeliveryStatusPill status={delivery.status} />
          <span className="mono truncate">{delivery.endpointUrl}</span>
          <button type="button" className="link-button small" onClick={() => onOpen(delivery)}>
            Open
          </button>
        </li>
      ))}
      {deliveries.length > LISTED_DELIVERIES && <li className="muted small">…and {formatCount(deliveries.length - LISTED_DELIVERIES)} more in Deliveries</li>}
    </ul>
  );
}

function BulkReplaySummary({ result, onClose }: { result: ReplayCapturesResult; onClose(): void }) {
  const deliveries = useBulkReplay((state) => state.deliveries);
  const tally = tallyBulkReplay(result, deliveries);
  const listed = result.deliveryIds.flatMap((id) => deliveries[id] ?? []);
  const problems = [...result.failed.map((skip) => ({ ...skip, kind: 'Not sent' })), ...result.skipped.map((skip) => ({ ...skip, kind: 'Skipped' }))];
  const open = (delivery: DeliverySummary) => {
    revealDelivery(delivery);
    onClose();
  };
  return (
    <div className="notice bulk-replay-summary" role="status" data-testid="bulk-replay-summary">
      <dl className="bulk-replay-tally">
        <div>
          <dt>Sent</dt>
          <dd data-testid="bulk-replay-sent">{formatCount(tally.sent)}</dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd data-testid="bulk-replay-delivered">{formatCount(tally.delivered)}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd data-testid="bulk-replay-failed">{formatCount(tally.failed)}</dd>
        </div>
        {tally.underWay > 0 && (
          <div>
            <dt>Under way</dt>
            <dd>{formatCount(tally.underWay)}</dd>
          </div>
        )}
        {result.notSent > 0 && (
          <div>
            <dt>Stopped before</dt>
            <dd data-testid="bulk-replay-not-sent">{formatCount(result.notSent)}</dd>
          </div>
        )}
        {tally.skipped > 0 && (
          <div>
            <dt>Skipped</dt>
            <dd>{formatCount(tally.skipped)}</dd>
          </div>
        )}
      </dl>
      {problems.length > 0 && (
        <ul className="bulk-replay-problems" data-testid="bulk-replay-problems">
          {problems.map((problem) => (
            <li key={problem.captureId}>
              {problem.kind}: <span className="mono">{problem.captureId}</span> — {problem.reason}
            </li>
          ))}
        </ul>
      )}
      {listed.length > 0 && <DeliveryLinks deliveries={listed} onOpen={open} />}
    </div>
  );
}

/**
 * Replays the captures of the bin shown, at a rate, to one target, with progress and a summary
 * that follows the deliveries live. While it runs, the dialog stays open and Cancel becomes Stop:
 * the engine ends the replay before its next capture.
 */
export function BulkReplayDialog({ open, bin, captureCount, defaultUrl, onClose }: BulkReplayDialogProps) {
  const running = useBulkReplay((state) => state.running);
  const stopping = useBulkReplay((state) => state.stopping);
  const result = useBulkReplay((state) => state.result);
  const [form, setForm] = useState<BulkReplayForm>(() => ({ mode: 'exact', targetKind: 'url', url: defaultUrl, webhookId: '', rate: '' }));
  const [errors, setErrors] = useState<Partial<Record<BulkReplayField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const count = bulkReplayCount(captureCount);

  const close = () => {
    if (running) return;
    useBulkReplay.getState().reset();
    onClose();
  };

  const update = (change: Partial<BulkReplayForm>, cleared: BulkReplayField[]) => {
    setForm((current) => ({ ...current, ...change }));
    setErrors((current) => withoutFieldErrors(current, cleared));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (running || count === 0) return;
    setErrors({});
    setGeneral([]);
    try {
      await useBulkReplay.getState().run(toReplayCapturesInput(bin, captureCount, form));
    } catch (caught) {
      const placed = placeReplayFailure(form, caught, BULK_REPLAY_FIELD_LABELS);
      setErrors(placed.fields);
      setGeneral(placed.general);
    }
  };

  return (
    <Dialog
      open={open}
      title={`Replay all captures of “${bin}”`}
      onClose={close}
      size="large"
      testId="bulk-replay-dialog"
      footer={
        <FormDialogFooter
          formId="bulk-replay-form"
          onCancel={running ? () => void useBulkReplay.getState().stop() : close}
          cancelLabel={running ? (stopping ? 'Stopping…' : 'Stop') : result ? 'Close' : 'Cancel'}
          cancelDisabled={stopping}
          busy={running}
          busyLabel="Replaying…"
          disabled={count === 0}
          submitLabel={result ? 'Replay again' : `Replay ${formatCount(count)} ${count === 1 ? 'capture' : 'captures'}`}
          submitTitle={SUBMIT_SHORTCUT_LABEL}
        />
      }
    >
      <form id="bulk-replay-form" className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
        <p className="bulk-replay-count" data-testid="bulk-replay-count">
          {count === 0
            ? `Bin “${bin}” has no captures to replay.`
            : captureCount > BULK_REPLAY_MAX
              ? `The newest ${formatCount(count)} of the ${formatCount(captureCount)} captures of “${bin}”, oldest first.`
              : `${formatCount(count)} ${count === 1 ? 'capture' : 'captures'} of “${bin}”, oldest first.`}
        </p>
        <ErrorList messages={general} />
        <fieldset className="form-fieldset-plain" disabled={running}>
          <ReplayTargetFields idPrefix="bulk-replay" form={form} errors={errors} onChange={update} />
          <FormField
            htmlFor="bulk-replay-rate"
            label="Rate limit"
            error={errors.ratePerSecond}
            hint={`Replays per second, at most ${REPLAY_RATE_MAX}; blank sends as fast as the outbox takes them.`}
          >
            <input
              id="bulk-replay-rate"
              className="input input-narrow"
              type="number"
              min={0}
              max={REPLAY_RATE_MAX}
              step="any"
              placeholder="No limit"
              value={form.rate}
              aria-invalid={Boolean(errors.ratePerSecond) || undefined}
              aria-describedby={fieldMessageId('bulk-replay-rate')}
              onChange={(change) => update({ rate: change.target.value }, ['ratePerSecond'])}
            />
          </FormField>
        </fieldset>
        {running && <p className="muted small">Stop ends the replay before its next capture; those sent stay sent.</p>}
        <BulkReplayProgress />
        {result && !running && <BulkReplaySummary result={result} onClose={close} />}
      </form>
    </Dialog>
  );
}
