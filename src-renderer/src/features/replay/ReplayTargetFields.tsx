import { useEffect } from 'react';
import type { ReplayMode } from '../../../../src-shared/domain/event-replay.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { effectiveTargetKind, REPLAY_MODE_LABELS, type ReplayTargetField, type ReplayTargetForm, type ReplayTargetKind } from './replay-form.ts';

const MODE_OPTIONS = (['exact', 'resign'] as const).map((mode) => ({ value: mode, label: REPLAY_MODE_LABELS[mode].title }));
const TARGET_OPTIONS: ReadonlyArray<{ value: ReplayTargetKind; label: string }> = [
  { value: 'url', label: 'A URL' },
  { value: 'webhook', label: "A webhook's endpoint" },
];

export interface ReplayTargetFieldsProps {
  /** Prefixes the controls' ids (and so their error test ids): `<idPrefix>-url`, `<idPrefix>-webhook`. */
  idPrefix: string;
  form: ReplayTargetForm;
  errors: Partial<Record<ReplayTargetField, string>>;
  /** `cleared`: the fields whose errors the change makes stale. */
  onChange(change: Partial<ReplayTargetForm>, cleared: ReplayTargetField[]): void;
}

/** Mode (exact or re-signed, each explained) and where the replay goes: a URL or a webhook's endpoint. */
export function ReplayTargetFields({ idPrefix, form, errors, onChange }: ReplayTargetFieldsProps) {
  const webhooks = useWebhooks((state) => state.webhooks);
  const webhooksLoad = useWebhooks((state) => state.load);

  useEffect(() => {
    if (webhooksLoad.status === 'idle') void useWebhooks.getState().fetchAll();
  }, [webhooksLoad.status]);

  const urlId = `${idPrefix}-url`;
  const webhookId = `${idPrefix}-webhook`;
  return (
    <>
      <fieldset className="form-fieldset" data-testid={`${idPrefix}-mode`}>
        <legend>Mode</legend>
        <SegmentedRadio<ReplayMode> label="Mode" options={MODE_OPTIONS} value={form.mode} onChange={(next) => onChange({ mode: next }, ['url', 'webhookId'])} />
        <p className="field-hint">{REPLAY_MODE_LABELS[form.mode].hint}</p>
      </fieldset>
      {form.mode === 'exact' && (
        <fieldset className="form-fieldset" data-testid={`${idPrefix}-target`}>
          <legend>Send to</legend>
          <SegmentedRadio
            label="Send to"
            options={TARGET_OPTIONS}
            value={form.targetKind}
            onChange={(next) => onChange({ targetKind: next }, ['url', 'webhookId'])}
          />
        </fieldset>
      )}
      {effectiveTargetKind(form) === 'url' ? (
        <FormField htmlFor={urlId} label="URL" error={errors.url} required>
          <input
            id={urlId}
            className="input mono"
            value={form.url}
            spellCheck={false}
            aria-invalid={Boolean(errors.url) || undefined}
            aria-describedby={fieldMessageId(urlId)}
            onChange={(change) => onChange({ url: change.target.value }, ['url'])}
          />
        </FormField>
      ) : (
        <FormField
          htmlFor={webhookId}
          label="Webhook"
          error={errors.webhookId}
          required
          hint={form.mode === 'resign' ? "Its keys and auth profile sign the replay; it goes to the webhook's endpoint." : "Sent to the webhook's endpoint."}
        >
          <select
            id={webhookId}
            className="input"
            value={form.webhookId}
            aria-invalid={Boolean(errors.webhookId) || undefined}
            aria-describedby={fieldMessageId(webhookId)}
            onChange={(change) => onChange({ webhookId: change.target.value }, ['webhookId'])}
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
    </>
  );
}
