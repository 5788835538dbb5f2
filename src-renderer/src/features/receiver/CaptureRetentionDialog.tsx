import { useEffect, useState, type FormEvent } from 'react';
import { CAPTURE_RETENTION_MAX_COUNT, type CaptureRetention } from '../../../../src-shared/domain/capture-retention.ts';
import { formatByteSize } from '../../format/byte-size.ts';
import { formatCount, formatCountOf } from '../../format/count-format.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import { useFormSubmission } from '../ui/use-form-submission.ts';

const MIB = 1024 * 1024;
type RetentionField = 'maxCount' | 'maxBytes';
const FIELD_LABELS: Record<RetentionField, string> = { maxCount: 'Most captures kept', maxBytes: 'Most space used' };

interface RetentionForm {
  maxCount: string;
  maxMib: string;
}

const toForm = (retention: CaptureRetention): RetentionForm => ({
  maxCount: String(retention.maxCount),
  maxMib: String(Math.round((retention.maxBytes / MIB) * 100) / 100),
});

/** A number typed in a field; NaN for blank, so the engine names the field and its rule. */
const typedNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** How many captures the workspace keeps, what it holds now and what the limits have pruned so far. */
export function CaptureRetentionDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const retention = useReceiver((state) => state.retention);
  const [form, setForm] = useState<RetentionForm | null>(null);
  const { errors, problems, busy: saving, clear, submit: save } = useFormSubmission(FIELD_LABELS);

  useEffect(() => {
    if (open && retention && form === null) setForm(toForm(retention));
  }, [open, retention, form]);

  const close = () => {
    setForm(null);
    clear();
    onClose();
  };

  const change = (next: Partial<RetentionForm>) => {
    setForm((current) => (current ? { ...current, ...next } : current));
    clear();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    void save(async () => {
      const maxMib = typedNumber(form.maxMib);
      await useReceiver.getState().setRetention({
        maxCount: typedNumber(form.maxCount),
        maxBytes: Number.isNaN(maxMib) ? maxMib : Math.round(maxMib * MIB),
      });
      close();
    });
  };

  return (
    <Dialog
      open={open}
      title="Capture retention"
      onClose={close}
      testId="capture-retention-dialog"
      footer={
        <FormDialogFooter
          formId="capture-retention-form"
          onCancel={close}
          busy={saving}
          busyLabel="Saving…"
          submitLabel="Save limits"
          submitTitle={SUBMIT_SHORTCUT_LABEL}
          disabled={form === null}
        />
      }
    >
      <form id="capture-retention-form" className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
        <p className="muted small">
          Any program on this machine can send to the receiver. Past either limit, the oldest captures are deleted to make room, down to 1% under that limit,
          and this page says so. Lowering a limit deletes the oldest at once, down to the new limit.
        </p>
        <ErrorList messages={problems} />
        {form && (
          <div className="form-row">
            <FormField
              htmlFor="retention-max-count"
              label={FIELD_LABELS.maxCount}
              error={errors.maxCount}
              hint={`1 to ${formatCount(CAPTURE_RETENTION_MAX_COUNT)}`}
            >
              <input
                id="retention-max-count"
                className="input input-narrow"
                type="number"
                min={1}
                max={CAPTURE_RETENTION_MAX_COUNT}
                step={1}
                value={form.maxCount}
                aria-invalid={Boolean(errors.maxCount) || undefined}
                aria-describedby={fieldMessageId('retention-max-count')}
                onChange={(event) => change({ maxCount: event.target.value })}
              />
            </FormField>
            <FormField htmlFor="retention-max-mib" label={`${FIELD_LABELS.maxBytes} (MiB)`} error={errors.maxBytes} hint="Bodies and headers; 1 MiB to 64 GiB">
              <input
                id="retention-max-mib"
                className="input input-narrow"
                type="number"
                min={1}
                step="any"
                value={form.maxMib}
                aria-invalid={Boolean(errors.maxBytes) || undefined}
                aria-describedby={fieldMessageId('retention-max-mib')}
                onChange={(event) => change({ maxMib: event.target.value })}
              />
            </FormField>
          </div>
        )}
        {retention && (
          <KeyValueList
            label="Captures stored and pruned"
            testId="retention-usage"
            items={[
              ['Stored now', `${formatCountOf(retention.storedCount, 'capture', 'captures')}, ${formatByteSize(retention.storedBytes)}`],
              [
                'Pruned so far',
                <span data-testid="retention-pruned">{`${formatCountOf(retention.prunedCount, 'capture', 'captures')}, ${formatByteSize(retention.prunedBytes)}`}</span>,
              ],
            ]}
          />
        )}
      </form>
    </Dialog>
  );
}
