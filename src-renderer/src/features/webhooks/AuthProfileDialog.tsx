import { useState, type FormEvent } from 'react';
import { fieldIssues } from '../../../../src-shared/contracts/contract-kit.ts';
import {
  authProfileInputSchema,
  type AuthProfile,
  type AuthProfileInput,
  type AuthProfileKind,
} from '../../../../src-shared/domain/auth-profile.ts';
import { toUiError } from '../../api/ui-error.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';

type AuthField = 'name' | 'username' | 'password' | 'token';

const KINDS: ReadonlyArray<{ kind: AuthProfileKind; label: string; hint: string }> = [
  { kind: 'none', label: 'None', hint: 'No Authorization header' },
  { kind: 'basic', label: 'Basic', hint: 'Authorization: Basic base64(user:password)' },
  { kind: 'bearer', label: 'Bearer', hint: 'Authorization: Bearer <token>' },
];

const LABELS: Record<AuthField, string> = { name: 'Name', username: 'Username', password: 'Password', token: 'Token' };

interface Values {
  kind: AuthProfileKind;
  name: string;
  username: string;
  password: string;
  token: string;
}

function toInput(values: Values): AuthProfileInput {
  switch (values.kind) {
    case 'basic':
      return { kind: 'basic', name: values.name, username: values.username, password: values.password };
    case 'bearer':
      return { kind: 'bearer', name: values.name, token: values.token };
    default:
      return { kind: 'none', name: values.name };
  }
}

function errorsFor(issues: ReadonlyArray<{ path: string; message: string }>): Partial<Record<AuthField, string>> {
  const errors: Partial<Record<AuthField, string>> = {};
  for (const { path, message } of issues) {
    const field = path as AuthField;
    if (field in LABELS && !errors[field]) errors[field] = `${LABELS[field]} ${message}`;
  }
  return errors;
}

export interface AuthProfileDialogProps {
  open: boolean;
  onClose(): void;
  onCreated(profile: AuthProfile): void;
}

/** Creates a None / Basic / Bearer profile without leaving the webhook form. */
export function AuthProfileDialog({ open, onClose, onCreated }: AuthProfileDialogProps) {
  const createAuthProfile = useWebhooks((state) => state.createAuthProfile);
  const [values, setValues] = useState<Values>({ kind: 'basic', name: '', username: '', password: '', token: '' });
  const [touched, setTouched] = useState<Set<AuthField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const parsed = authProfileInputSchema.safeParse(toInput(values));
  const clientErrors = parsed.success ? {} : errorsFor(fieldIssues(parsed.error));
  const visible = (field: AuthField) => (submitted || touched.has(field) ? clientErrors[field] : undefined);

  const change = (field: AuthField | 'kind', value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field !== 'kind') setTouched((current) => new Set(current).add(field));
    setServerError(null);
  };

  const reset = () => {
    setValues({ kind: 'basic', name: '', username: '', password: '', token: '' });
    setTouched(new Set());
    setSubmitted(false);
    setServerError(null);
  };

  const close = () => {
    reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setSubmitted(true);
    if (!parsed.success) return;
    setSaving(true);
    try {
      const profile = await createAuthProfile(parsed.data);
      reset();
      onCreated(profile);
    } catch (error) {
      const uiError = toUiError(error);
      const placed = errorsFor(uiError.issues);
      setServerError(Object.values(placed)[0] ?? uiError.message);
    } finally {
      setSaving(false);
    }
  };

  const input = (field: AuthField, type: 'text' | 'password' = 'text') => {
    const id = `auth-profile-${field}`;
    const error = visible(field);
    return (
      <FormField htmlFor={id} label={LABELS[field]} error={error} required>
        <input
          id={id}
          type={type}
          className="input"
          value={values[field]}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(error)}
          aria-describedby={fieldMessageId(id)}
          onChange={(event) => change(field, event.target.value)}
        />
      </FormField>
    );
  };

  return (
    <Dialog
      open={open}
      title="New auth profile"
      onClose={close}
      testId="auth-profile-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="auth-profile-form" className="button button-primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create profile'}
          </button>
        </>
      }
    >
      <form id="auth-profile-form" className="form" onSubmit={submit} noValidate>
        {serverError && (
          <p className="form-error" role="alert">
            {serverError}
          </p>
        )}
        <fieldset className="form-fieldset">
          <legend>Kind</legend>
          <SegmentedRadio
            label="Kind"
            options={KINDS.map(({ kind, label }) => ({ value: kind, label }))}
            value={values.kind}
            onChange={(kind) => change('kind', kind)}
          />
          <p className="field-hint">{KINDS.find((option) => option.kind === values.kind)?.hint}</p>
        </fieldset>
        {input('name')}
        {values.kind === 'basic' && (
          <div className="form-row">
            {input('username')}
            {input('password', 'password')}
          </div>
        )}
        {values.kind === 'bearer' && input('token', 'password')}
        <p className="field-hint">Secrets are stored encrypted and never shown again.</p>
      </form>
    </Dialog>
  );
}
