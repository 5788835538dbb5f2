import { useEffect, useState, type FormEvent } from 'react';
import { BIN_REPLY_MODES, type BinReplyMode, type BinScript, type ExpectedAuth } from '../../../../src-shared/domain/bin-script.ts';
import { appApi } from '../../api/app-api.ts';
import { placeIssues, toUiError } from '../../api/ui-error.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';

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
  authKind: ExpectedAuth['kind'];
  authUsername: string;
  authPassword: string;
  authToken: string;
  /** Empty: the workspace's Zentitle2 account key. */
  nSignatureKey: string;
}

const AUTH_KINDS: ReadonlyArray<{ value: ExpectedAuth['kind']; label: string; hint: string }> = [
  { value: 'none', label: 'None', hint: 'Authorization is not checked.' },
  { value: 'basic', label: 'Basic', hint: 'Each capture shows whether it carried exactly these Basic credentials.' },
  { value: 'bearer', label: 'Bearer', hint: 'Each capture shows whether it carried exactly this Bearer token.' },
  {
    value: 'issued-token',
    label: 'Issued token',
    hint: 'A Bearer JWT issued by the receiver’s own token endpoint (OAuth 2.0 client credentials), unexpired and correctly signed.',
  },
];

const MODE_HINTS: Record<BinReplyMode, string> = {
  reply: 'Answer with the status, delay and body below.',
  hang: 'Never answer: the sender times out and retries.',
  close: 'Drop the connection without an HTTP answer: a network error for the sender.',
};

type TextField = 'body' | 'signingSecrets' | 'authUsername' | 'authPassword' | 'authToken' | 'nSignatureKey';

/** Each field's label and, for the text areas, what they take; `subject` names the field in an issue when the label does not fit. */
const FIELDS: Record<NumberField | TextField, { label: string; hint?: string; subject?: string }> = {
  status: { label: 'Status' },
  failFirst: { label: 'Fail the first N requests (503)' },
  failureRate: { label: 'Failure rate (503), %' },
  delayMs: { label: 'Delay, ms' },
  body: { label: 'Body' },
  signingSecrets: {
    label: 'Expected signing secrets (Standard Webhooks)',
    hint: 'One whsec_… per line; each capture then shows whether its signature is valid. Empty: no check.',
    // The engine names the one secret of the list that breaks a rule.
    subject: 'Signing secret',
  },
  authUsername: { label: 'Username' },
  authPassword: { label: 'Password' },
  authToken: { label: 'Token' },
  nSignatureKey: {
    label: 'N-Signature public key (Zentitle2)',
    hint: 'PEM, or the bare modulus in base64url as Zentitle2 hands it out. Empty: the workspace’s Zentitle2 account key, whenever a request carries N-Signature.',
  },
};

const ISSUE_SUBJECTS = Object.fromEntries(Object.entries(FIELDS).map(([field, { label, subject }]) => [field, subject ?? label])) as Record<
  NumberField | TextField,
  string
>;

/** `script.expectedAuth.username` → authUsername, `script.status` → status. */
function fieldOfIssue(path: string): string {
  const [head, next] = path.replace(/^script\./, '').split(/[.[]/);
  if (head === 'expectedAuth' && next) return `auth${next.charAt(0).toUpperCase()}${next.slice(1)}`;
  return head;
}

function expectedAuthOf(values: Values): ExpectedAuth {
  switch (values.authKind) {
    case 'basic':
      return { kind: 'basic', username: values.authUsername, password: values.authPassword };
    case 'bearer':
      return { kind: 'bearer', token: values.authToken };
    default:
      return { kind: values.authKind };
  }
}

function toValues(script: BinScript): Values {
  return {
    mode: script.mode,
    status: String(script.status),
    failFirst: String(script.failFirst),
    failureRate: String(Math.round(script.failureRate * 1000) / 10),
    delayMs: String(script.delayMs),
    body: script.body ?? '',
    signingSecrets: script.signingSecrets.join('\n'),
    authKind: script.expectedAuth.kind,
    authUsername: script.expectedAuth.kind === 'basic' ? script.expectedAuth.username : '',
    authPassword: script.expectedAuth.kind === 'basic' ? script.expectedAuth.password : '',
    authToken: script.expectedAuth.kind === 'bearer' ? script.expectedAuth.token : '',
    nSignatureKey: script.nSignatureKey ?? '',
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
    signingSecrets: values.signingSecrets
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    headers,
    expectedAuth: expectedAuthOf(values),
    nSignatureKey: values.nSignatureKey.trim() === '' ? null : values.nSignatureKey,
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
      const placed = placeIssues(uiError.issues, ISSUE_SUBJECTS, fieldOfIssue).fields;
      setErrors(Object.keys(placed).length > 0 ? placed : { general: uiError.message });
    } finally {
      setSaving(false);
    }
  };

  const numberInput = (field: NumberField, hint?: string) => {
    const id = `bin-script-${field}`;
    return (
      <FormField htmlFor={id} label={FIELDS[field].label} error={errors[field]} hint={hint}>
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

  const textArea = (field: 'signingSecrets' | 'nSignatureKey', rows: number) => {
    const id = `bin-script-${field}`;
    return (
      <FormField htmlFor={id} label={FIELDS[field].label} error={errors[field]} hint={FIELDS[field].hint}>
        <textarea
          id={id}
          className="input textarea mono"
          rows={rows}
          value={values?.[field] ?? ''}
          spellCheck={false}
          aria-invalid={Boolean(errors[field]) || undefined}
          aria-describedby={fieldMessageId(id)}
          onChange={(change) => values && setValues({ ...values, [field]: change.target.value })}
        />
      </FormField>
    );
  };

  const textInput = (field: 'authUsername' | 'authPassword' | 'authToken') => {
    const id = `bin-script-${field}`;
    return (
      <FormField htmlFor={id} label={FIELDS[field].label} error={errors[field]}>
        <input
          id={id}
          className="input mono"
          value={values?.[field] ?? ''}
          autoComplete="off"
          spellCheck={false}
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
      footer={<FormDialogFooter formId="bin-script-form" onCancel={onClose} busy={saving} disabled={!values} busyLabel="Saving…" submitLabel="Save script" />}
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
            <FormField htmlFor="bin-script-body" label={FIELDS.body.label} error={errors.body} hint="Empty: the receiver's own JSON answer.">
              <textarea
                id="bin-script-body"
                className="input textarea mono"
                rows={3}
                value={values.body}
                disabled={values.mode !== 'reply'}
                onChange={(change) => setValues({ ...values, body: change.target.value })}
              />
            </FormField>
            {textArea('signingSecrets', 2)}
            <fieldset className="form-fieldset" data-testid="bin-expected-auth">
              <legend>Expected auth</legend>
              <SegmentedRadio label="Expected auth" options={AUTH_KINDS} value={values.authKind} onChange={(authKind) => setValues({ ...values, authKind })} />
              <p className="field-hint">{AUTH_KINDS.find((kind) => kind.value === values.authKind)?.hint}</p>
              {values.authKind === 'basic' && (
                <div className="form-row">
                  {textInput('authUsername')}
                  {textInput('authPassword')}
                </div>
              )}
              {values.authKind === 'bearer' && textInput('authToken')}
            </fieldset>
            {textArea('nSignatureKey', 3)}
            <p className="field-hint">Captures stay as they are; the script applies to the next requests.</p>
          </>
        )}
      </form>
    </Dialog>
  );
}
