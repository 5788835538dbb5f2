import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { jsonSyntaxProblem } from '../../../../src-shared/domain/json-syntax.ts';
import { prettyBody } from '../../editor/json-body.ts';
import { useUnsavedDrafts } from '../../stores/unsaved-draft-store.ts';
import type { ReplaySource } from '../../../../src-shared/domain/event-replay.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { useReplay } from '../../stores/replay-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField } from '../ui/FormField.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import { placeReplayFailure, REPLAY_FIELD_LABELS, toReplayInput, withoutFieldErrors, type ReplayField, type ReplayForm } from './replay-form.ts';
import { ReplayTargetFields } from './ReplayTargetFields.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';

// Monaco loads the first time a body is edited.
const JsonEditor = lazy(() => import('../../editor/JsonEditor.tsx'));

export interface ReplayDialogProps {
  open: boolean;
  source: ReplaySource;
  /** Where an exact replay goes unless changed: the capture's bin, the attempt's endpoint. */
  defaultUrl: string;
  /** The body as captured or sent; null when it is not text (it is then replayed unedited). */
  body: string | null;
  onClose(): void;
}

function ReplaySent({ onClose }: { onClose(): void }) {
  const last = useReplay((state) => state.last);
  if (!last) return null;
  const { delivery } = last;
  return (
    <div className="notice" role="status" data-testid="replay-sent">
      <p>
        Replay queued as a delivery to <span className="mono">{delivery.endpointUrl}</span> <DeliveryStatusPill status={delivery.status} />
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          revealDelivery(delivery);
          onClose();
        }}
      >
        Open in Deliveries
      </button>
    </div>
  );
}

/**
 * Sends a capture or an attempt again, as it was or re-signed as a webhook, and shows where it
 * stands. Give it a `key` per source: a new source starts a fresh form.
 */
export function ReplayDialog({ open, source, defaultUrl, body, onClose }: ReplayDialogProps) {
  // Pretty-printed to be edited; sent only if edited, so an untouched replay keeps the source's bytes.
  const shownBody = useMemo(() => (body === null ? null : prettyBody(body, false)), [body]);
  const freshForm = (): ReplayForm => ({ mode: 'exact', targetKind: 'url', url: defaultUrl, webhookId: '', body: shownBody });
  const [form, setForm] = useState<ReplayForm>(freshForm);
  const [errors, setErrors] = useState<Partial<Record<ReplayField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  // Each opening starts from the source again: an edit given up on last time is not sent by surprise.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new opening resets the form
  useEffect(() => {
    if (!open) return;
    setForm(freshForm());
    setErrors({});
    setGeneral([]);
    setSent(false);
  }, [open]);

  const bodyEdited = form.mode === 'resign' && form.body !== shownBody;
  const close = () => {
    if (bodyEdited && !sent) useUnsavedDrafts.getState().ask('The edited replay body', onClose);
    else onClose();
  };

  const update = (change: Partial<ReplayForm>, cleared: ReplayField[]) => {
    setForm((current) => ({ ...current, ...change }));
    setErrors((current) => withoutFieldErrors(current, cleared));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const bodyProblem = bodyEdited && form.body !== null ? jsonSyntaxProblem(form.body) : null;
    if (bodyProblem) {
      setErrors({ body: `${REPLAY_FIELD_LABELS.body} must be valid JSON: ${bodyProblem}` });
      return;
    }
    setSending(true);
    setErrors({});
    setGeneral([]);
    try {
      await useReplay.getState().replay(toReplayInput(source, bodyEdited ? form : { ...form, body: null }));
      setSent(true);
    } catch (caught) {
      const placed = placeReplayFailure(form, caught, REPLAY_FIELD_LABELS);
      setErrors(placed.fields);
      setGeneral(placed.general);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={source.kind === 'capture' ? 'Replay this capture' : 'Replay this attempt'}
      onClose={close}
      size="large"
      testId="replay-dialog"
      footer={
        <FormDialogFooter
          formId="replay-form"
          onCancel={close}
          cancelLabel={sent ? 'Close' : 'Cancel'}
          busy={sending}
          busyLabel="Sending…"
          submitLabel={sent ? 'Send again' : 'Send replay'}
          submitTitle={SUBMIT_SHORTCUT_LABEL}
        />
      }
    >
      <form id="replay-form" className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
        <ErrorList messages={general} />
        <ReplayTargetFields
          idPrefix="replay"
          form={form}
          errors={errors}
          onChange={(change, cleared) => update(change, change.mode ? [...cleared, 'body'] : cleared)}
        />
        {form.mode === 'resign' &&
          (form.body === null ? (
            <p className="field-hint">The body is not text: it is replayed as it was.</p>
          ) : (
            <FormField htmlFor="replay-body" label="Body" error={errors.body} hint="Edit before sending; the edited body is what gets signed.">
              <div id="replay-body" data-testid="replay-body">
                <Suspense fallback={<pre className="code-viewer-fallback">{form.body.slice(0, 4000)}</pre>}>
                  <JsonEditor value={form.body} onChange={(text) => update({ body: text }, ['body'])} label="Body to replay" height={220} />
                </Suspense>
              </div>
            </FormField>
          ))}
        {sent && <ReplaySent onClose={onClose} />}
      </form>
    </Dialog>
  );
}
