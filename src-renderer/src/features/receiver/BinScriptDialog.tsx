import { useEffect, useState, type FormEvent } from 'react';
import { BIN_REPLY_MODES, type BinReplyMode, type BinScript } from '../../../../src-shared/domain/bin-script.ts';
import { appApi } from '../../api/app-api.ts';
import { toUiError } from '../../api/ui-error.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';

type NumberField = 'status' | 'failFirst' | 'failureRate' | 'delayMs';

interface Values {
  mode: BinReplyMode;
  status: string;
  failFirst: string;
  /** Percent in the form; the engine takes 0..1. */
  failureRate: string;
  delayMs: string;
  body: string;
  /** One Standard Webhooks secret per line. */
  signingSecrets: string;
}

const MODE_HINTS: Record<BinReplyMode, string> = {
  reply: 'Answer with the status, delay and body below.',
  hang: 'Never answer: the sender times out and retries.',
  close: 'Drop the connection without an HTTP answer: a network error for the sender.',
};

type TextField = 'body' | 'signingSecrets';

const LABELS: Record<NumberField | TextField, string> = {
  status: 'Status',
  failFirst: 'Fail the first N requests (503)',
  failureRate: 'Failure rate (503), %',
  delayMs: 'Delay, ms',
  body: 'Body',
  signingSecrets: 'Signing secret',
};

function toValues(script: BinScript): Values {
  return {
    mode: script.mode,
    status: String(script.status),
    failFirst: String(script.failFirst),
    failureRate: String(Math.round(script.failureRate * 1000) / 10),
    delayMs: String(script.delayMs),
    body: script.body ?? '',
    signingSecrets: script.signingSecrets.join('\n'),
  };
}

/** Text fields as numbers; non-numbers go through as they are so the engine names the rule they break. */
function toScript(values: Values, headers: Record<string, string>): unknown {
  const number = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text));
  const rate = number(values.failureRate);
  return {
    mode: values.mode,
    status: number(values.status),
    failFirst: number(values.failFirst),
    failureRate: typeof rate === 'number' ? rate / 100 : rate,
    delayMs: number(values.delayMs),
    body: values.body === '' ? null : values.body,
    signingSecrets: values.signingSecrets.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
    headers,
  };
}

export interface BinScriptDialogProps {
  bin: string | null;
  onClose(): void;
}

/** How one bin of the receiver answers: scripted failures, delays, hangs and dropped connections. */
export function BinScriptDialog({ bin, onClose }: BinScriptDialogProps) {
  const [loaded, setLoaded] = useState<BinScript | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Partial<Record<NumberField | TextField | 'general', string>>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setLoaded(null);
    setValues(null);
    setErrors({});
    if (!bin) return;
    appApi()
      .getBinScript({ bin })
      .then(
        (script) => {
          setLoaded(script);
          setValues(toValues(script));
        },
        (error: unknown) => setErrors({ general: toUiError(error).message }),
      );
  }, [bin]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!bin || !values || !loaded) return;
    setSaving(true);
    try {
      await appApi().setBinScript({ bin, script: toScript(values, loaded.headers) as BinScript });
      onClose();
    } catch (error) {
      const uiError = toUiError(error);
      const placed: typeof errors = {};
      for (const issue of uiError.issues) {
        const field = issue.path.replace(/^script\./, '').split(/[.[]/)[0] as NumberField | TextField;
        if (field in LABELS && !placed[field]) placed[field] = `${LABELS[field]} ${issue.message}`;
      }
      setErrors(Object.keys(placed).length > 0 ? placed : { general: uiError.message });
    } finally {
      setSaving(false);
    }
  };

  const numberInput = (field: NumberField, hint?: string) => {
    const id = `bin-script-${field}`;
    return (
      <FormField htmlFor={id} label={LABELS[field]} error={errors[field]} hint={hint}>
        <input
          id={id}
          className="input mono"
          inputMode="decimal"
          value={values?.[field] ?? ''}
          disabled={values?.mode !== 'reply' && field !== 'failFirst' && field !== 'failureRate'}
          aria-invalid={Boolean(errors[field]) || undefined}
          aria-describedby={fieldMessageId(id)}
          onChange={(change) => values && setValues({ ...values, [field]: change.target.value })}
        />
      </FormField>
    );
  };

  return (
    <Dialog
      open={bin !== null}
      title={`Replies of bin “${bin ?? ''}”`}
      onClose={onClose}
      size="large"
      testId="bin-script-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="bin-script-form" className="button button-primary" disabled={saving || !values}>
            {saving ? 'Saving…' : 'Save script'}
          </button>
        </>
      }
    >
      <form id="bin-script-form" className="form" onSubmit={submit} noValidate>
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        {values && (
          <>
            <fieldset className="form-fieldset">
              <legend>Answer</legend>
              <div className="segmented" role="radiogroup" aria-label="Answer">
                {BIN_REPLY_MODES.map((mode) => (
                  <label key={mode} className="segmented-option">
                    <input type="radio" name="bin-mode" value={mode} checked={values.mode === mode} onChange={() => setValues({ ...values, mode })} />
                    <span>{mode === 'reply' ? 'Reply' : mode === 'hang' ? 'Hang' : 'Close connection'}</span>
                  </label>
                ))}
              </div>
              <p className="field-hint">{MODE_HINTS[values.mode]}</p>
            </fieldset>
            <div className="form-row">
              {numberInput('status', '2xx succeeds; 5xx, 408 and 429 are retried; other 4xx fail at once.')}
              {numberInput('delayMs')}
            </div>
            <div className="form-row">
              {numberInput('failFirst', 'Then the normal answer: "fail twice, then succeed".')}
              {numberInput('failureRate')}
            </div>
            <FormField htmlFor="bin-script-body" label={LABELS.body} error={errors.body} hint="Empty: the receiver's own JSON answer.">
              <textarea
                id="bin-script-body"
                className="input textarea mono"
                rows={3}
                value={values.body}
                disabled={values.mode !== 'reply'}
                onChange={(change) => setValues({ ...values, body: change.target.value })}
              />
            </FormField>
            <FormField
              htmlFor="bin-script-signingSecrets"
              label="Expected signing secrets (Standard Webhooks)"
              error={errors.signingSecrets}
              hint="One whsec_… per line; each capture then shows whether its signature is valid. Empty: no check."
            >
              <textarea
                id="bin-script-signingSecrets"
                className="input textarea mono"
                rows={2}
                value={values.signingSecrets}
                spellCheck={false}
                aria-invalid={Boolean(errors.signingSecrets) || undefined}
                aria-describedby={fieldMessageId('bin-script-signingSecrets')}
                onChange={(change) => setValues({ ...values, signingSecrets: change.target.value })}
              />
            </FormField>
            <p className="field-hint">Captures stay as they are; the script applies to the next requests.</p>
          </>
        )}
      </form>
    </Dialog>
  );
}
