import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { ReplayMode, ReplaySource } from '../../../../src-shared/domain/replay.ts';
import { toUiError } from '../../api/ui-error.ts';
import { revealDelivery } from '../../stores/delivery-detail-store.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { useReplay } from '../../stores/replay-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { DeliveryStatusPill } from '../deliveries/DeliveryStatusPill.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import {
  effectiveTargetKind,
  placeReplayIssues,
  REPLAY_MODE_LABELS,
  toReplayInput,
  type ReplayField,
  type ReplayForm,
  type ReplayTargetKind,
} from './replay-form.ts';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';

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

const MODE_OPTIONS = (['exact', 'resign'] as const).map((mode) => ({ value: mode, label: REPLAY_MODE_LABELS[mode].title }));
const TARGET_OPTIONS: ReadonlyArray<{ value: ReplayTargetKind; label: string }> = [
  { value: 'url', label: 'A URL' },
  { value: 'webhook', label: "A webhook's endpoint" },
];

function ReplaySent({ onClose }: { onClose(): void }) {
  const last = useReplay((state) => state.last);
  const go = useNavigation((state) => state.go);
  if (!last) return null;
  const { delivery } = last;
  return (
    <div className="notice" role="status" data-testid="replay-sent">
      <p>
        Replay queued as a delivery to <span className="mono">{delivery.endpointUrl}</span>{' '}
        <DeliveryStatusPill status={delivery.status} />
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          revealDelivery(delivery);
          go('deliveries');
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
  const webhooks = useWebhooks((state) => state.webhooks);
  const webhooksLoad = useWebhooks((state) => state.load);
  const [form, setForm] = useState<ReplayForm>(() => ({ mode: 'exact', targetKind: 'url', url: defaultUrl, webhookId: '', body }));
  const [errors, setErrors] = useState<Partial<Record<ReplayField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    if (open && webhooksLoad.status === 'idle') void useWebhooks.getState().fetchAll();
  }, [open, webhooksLoad.status]);

  const update = (change: Partial<ReplayForm>, cleared: ReplayField[] = []) => {
    setForm((current) => ({ ...current, ...change }));
    if (cleared.length > 0) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !cleared.includes(field as ReplayField))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setErrors({});
    setGeneral([]);
    try {
      await useReplay.getState().replay(toReplayInput(source, form));
      setSent(true);
    } catch (caught) {
      const failure = toUiError(caught);
      const placed = placeReplayIssues(form, failure.issues);
      setErrors(placed.fields);
      setGeneral(placed.general.length > 0 || Object.keys(placed.fields).length === 0 ? [failure.message, ...placed.general] : []);
    } finally {
      setSending(false);
    }
  };

  const targetKind = effectiveTargetKind(form);
  const mode = REPLAY_MODE_LABELS[form.mode];

  return (
    <Dialog
      open={open}
      title={source.kind === 'capture' ? 'Replay this capture' : 'Replay this attempt'}
      onClose={onClose}
      size="large"
      testId="replay-dialog"
      footer={
<FormDialogFooter
          formId="replay-form"
          onCancel={onClose}
          cancelLabel={sent ? 'Close' : 'Cancel'}
          busy={sending}
          busyLabel="Sending…"
          submitLabel={sent ? 'Send again' : 'Send replay'}
          submitTitle={SUBMIT_SHORTCUT_LABEL}
        />
      }
    >
      <form id="replay-form" className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
        {general.length > 0 && (
          <div className="form-error form-error-list" role="alert">
            <ul>
              {general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="form-fieldset" data-testid="replay-mode">
          <legend>Mode</legend>
          <SegmentedRadio<ReplayMode> label="Mode" options={MODE_OPTIONS} value={form.mode} onChange={(next) => update({ mode: next }, ['url', 'webhookId', 'body'])} />
          <p className="field-hint">{mode.hint}</p>
        </fieldset>
        {form.mode === 'exact' && (
          <fieldset className="form-fieldset" data-testid="replay-target">
            <legend>Send to</legend>
            <SegmentedRadio label="Send to" options={TARGET_OPTIONS} value={form.targetKind} onChange={(next) => update({ targetKind: next }, ['url', 'webhookId'])} />
          </fieldset>
        )}
        {targetKind === 'url' ? (
          <FormField htmlFor="replay-url" label="URL" error={errors.url} required>
            <input
              id="replay-url"
              className="input mono"
              value={form.url}
              spellCheck={false}
              aria-invalid={Boolean(errors.url) || undefined}
              aria-describedby={fieldMessageId('replay-url')}
              onChange={(change) => update({ url: change.target.value }, ['url'])}
            />
          </FormField>
        ) : (
          <FormField
            htmlFor="replay-webhook"
            label="Webhook"
            error={errors.webhookId}
            required
            hint={form.mode === 'resign' ? "Its keys and auth profile sign the replay; it goes to the webhook's endpoint." : "Sent to the webhook's endpoint."}
          >
            <select
              id="replay-webhook"
              className="input"
              value={form.webhookId}
              aria-invalid={Boolean(errors.webhookId) || undefined}
              aria-describedby={fieldMessageId('replay-webhook')}
              onChange={(change) => update({ webhookId: change.target.value }, ['webhookId'])}
            >
              <option value="">Choose a webhook…</option>
              {webhooks.map((webhook) => (
                <option key={webhook.id} value={webhook.id}>
                  {webhook.name} — {webhook.endpointUrl}
                </option>
              ))}
            </select>
          </FormField>
        )}
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
