import { useState, type FormEvent } from 'react';
import { fieldIssues } from '../../../../src-shared/contracts/contract-kit.ts';
import {
  AUTH_PROFILE_KINDS,
  AUTH_PROFILE_SECRET_FIELD,
  authProfileEditSchema,
  authProfileInputSchema,
  type AuthProfile,
  type AuthProfileInput,
  type AuthProfileKind,
  type ClientAuthMethod,
} from '../../../../src-shared/domain/auth-profile.ts';
import { placeIssues, toUiError } from '../../api/ui-error.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { BuiltInTokenEndpointButton } from './BuiltInTokenEndpointButton.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';

type TextField = 'name' | 'username' | 'password' | 'token' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'scope' | 'audience';
type AuthField = TextField | 'clientAuth';

const KINDS: Record<AuthProfileKind, { label: string; hint: string }> = {
  none: { label: 'None', hint: 'No Authorization header' },
  basic: { label: 'Basic', hint: 'Authorization: Basic base64(user:password)' },
  bearer: { label: 'Bearer', hint: 'Authorization: Bearer <token>, a fixed token' },
  oauth2: {
    label: 'OAuth 2.0',
    hint: 'Authorization: Bearer <token>, fetched from the token URL by the client-credentials grant and cached until it expires',
  },
};

const CLIENT_AUTH_OPTIONS: ReadonlyArray<{ value: ClientAuthMethod; label: string }> = [
  { value: 'basic', label: 'Basic auth header' },
  { value: 'body', label: 'In the form body' },
];

const LABELS: Record<AuthField, string> = {
  name: 'Name',
  username: 'Username',
  password: 'Password',
  token: 'Token',
  tokenUrl: 'Token URL',
  clientId: 'Client id',
  clientSecret: 'Client secret',
  scope: 'Scope',
  audience: 'Audience',
  clientAuth: 'Client authentication',
};

type Values = Record<TextField, string> & { kind: AuthProfileKind; clientAuth: ClientAuthMethod };

const emptyValues = (kind: AuthProfileKind): Values => ({
  kind,
  name: '',
  username: '',
  password: '',
  token: '',
  tokenUrl: '',
  clientId: '',
  clientSecret: '',
  scope: '',
  audience: '',
  clientAuth: 'basic',
});

/** An edit starts from what the engine hands out: everything but the secret. */
const editValues = (profile: AuthProfile): Values => ({
  ...emptyValues(profile.kind),
  name: profile.name,
  username: profile.username ?? '',
  ...(profile.oauth && { ...profile.oauth }),
});

function toInput(values: Values): AuthProfileInput {
  switch (values.kind) {
    case 'basic':
      return { kind: 'basic', name: values.name, username: values.username, password: values.password };
    case 'bearer':
      return { kind: 'bearer', name: values.name, token: values.token };
    case 'oauth2':
      return {
        kind: 'oauth2',
        name: values.name,
        tokenUrl: values.tokenUrl,
        clientId: values.clientId,
        clientSecret: values.clientSecret,
        scope: values.scope,
        audience: values.audience,
        clientAuth: values.clientAuth,
      };
    default:
      return { kind: 'none', name: values.name };
  }
}

/** An edit's secret field left empty keeps the stored secret, so it goes out as null. */
function toEdit(values: Values) {
  const input = toInput(values);
  const secretField = AUTH_PROFILE_SECRET_FIELD[input.kind];
  return secretField && values[secretField] === '' ? { ...input, [secretField]: null } : input;
}

export interface AuthProfileDialogProps {
  open: boolean;
  /** The kinds offered, e.g. the webhook's vendor's; all of them when not given. */
  kinds?: readonly AuthProfileKind[];
  /** Edits this profile in place; without it the dialog creates one. Mount the dialog per profile: its fields start from it. */
  profile?: AuthProfile;
  onClose(): void;
  onSaved(profile: AuthProfile): void;
}

/** Creates or edits an auth profile without leaving the page that needs one. */
export function AuthProfileDialog({ open, kinds = AUTH_PROFILE_KINDS, profile, onClose, onSaved }: AuthProfileDialogProps) {
  const createAuthProfile = useWebhooks((state) => state.createAuthProfile);
  const updateAuthProfile = useWebhooks((state) => state.updateAuthProfile);
  const withoutNone = kinds.filter((kind) => kind !== 'none');
  const offered = profile && !kinds.includes(profile.kind) ? [profile.kind, ...kinds] : withoutNone.length > 0 ? withoutNone : kinds;
  const initialValues = () => (profile ? editValues(profile) : emptyValues(offered[0] ?? 'basic'));
  const [values, setValues] = useState<Values>(initialValues);
  // An edit that changes nothing has nothing to save (a blank secret keeps the stored one), unless
  // the profile lacks its secret (imported redacted): saving then says the secret is required.
  const unchanged =
    profile !== undefined && (profile.hasSecret || profile.kind === 'none') && JSON.stringify(toEdit(values)) === JSON.stringify(toEdit(editValues(profile)));
  const [touched, setTouched] = useState<Set<AuthField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<AuthField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The vendor may have changed since the dialog last opened; never offer a kind it does not use.
  const kind = offered.includes(values.kind) ? values.kind : (offered[0] ?? 'basic');
  const current = { ...values, kind };
  const secretField = AUTH_PROFILE_SECRET_FIELD[kind];
  // The engine keeps a stored secret only while the kind stays what it was.
  const keepsSecret = Boolean(profile?.hasSecret && profile.kind === kind);
  const parsed = profile ? authProfileEditSchema.safeParse(toEdit(current)) : authProfileInputSchema.safeParse(toInput(current));
  const clientErrors: Partial<Record<AuthField, string>> = parsed.success ? {} : placeIssues(fieldIssues(parsed.error), LABELS).fields;
  if (profile && secretField && !keepsSecret && values[secretField] === '') clientErrors[secretField] ??= `${LABELS[secretField]} is required: none is stored`;
  const valid = parsed.success && Object.keys(clientErrors).length === 0;
  const visible = (field: AuthField) => serverErrors[field] ?? (submitted || touched.has(field) ? clientErrors[field] : undefined);

  const change = (patch: Partial<Values>) => {
    setValues((previous) => ({ ...previous, kind, ...patch }));
    const fields = Object.keys(patch).filter((field) => field !== 'kind') as AuthField[];
    setTouched((previous) => new Set([...previous, ...fields]));
    setServerErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !fields.includes(field as AuthField))));
    setServerError(null);
  };

  const reset = () => {
    setValues(initialValues());
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors({});
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
    if (!valid || !parsed.success) return;
    setSaving(true);
    try {
      const saved = profile ? await updateAuthProfile(profile.id, parsed.data) : await createAuthProfile(parsed.data as AuthProfileInput);
      reset();
      onSaved(saved);
    } catch (error) {
      const uiError = toUiError(error);
      const placed = placeIssues(uiError.issues, LABELS, (path) => path.replace(/^profile\./, ''));
      setServerErrors(placed.fields);
      if (Object.keys(placed.fields).length === 0) setServerError(placed.general.length > 0 ? placed.general.join('; ') : uiError.message);
    } finally {
      setSaving(false);
    }
  };

  const secretHint = profile ? (keepsSecret ? 'Leave empty to keep the current one.' : 'Required — none stored.') : undefined;

  const input = (field: TextField, options: { type?: 'text' | 'password'; required?: boolean; hint?: string; mono?: boolean } = {}) => {
    const id = `auth-profile-${field}`;
    const error = visible(field);
    return (
      <FormField htmlFor={id} label={LABELS[field]} error={error} required={options.required ?? true} hint={options.hint}>
        <input
          id={id}
          type={options.type ?? 'text'}
          className={`input${options.mono ? ' mono' : ''}`}
          value={values[field]}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(error)}
          aria-describedby={fieldMessageId(id)}
          onChange={(event) => change({ [field]: event.target.value })}
        />
      </FormField>
    );
  };

  return (
    <Dialog
      open={open}
      title={profile ? `Edit auth profile “${profile.name}”` : 'New auth profile'}
      onClose={close}
      size={kind === 'oauth2' ? 'large' : 'small'}
      testId={profile ? 'auth-profile-edit-dialog' : 'auth-profile-dialog'}
      footer={
        <FormDialogFooter
          formId="auth-profile-form"
          onCancel={close}
          busy={saving}
          busyLabel={profile ? 'Saving…' : 'Creating…'}
          submitLabel={profile ? 'Save profile' : 'Create profile'}
          disabled={unchanged}
          submitTitle={SUBMIT_SHORTCUT_LABEL}
        />
      }
    >
      <form id="auth-profile-form" className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
        {serverError && (
          <p className="form-error" role="alert">
            {serverError}
          </p>
        )}
        <fieldset className="form-fieldset">
          <legend>Kind</legend>
          <SegmentedRadio
            label="Kind"
            options={offered.map((option) => ({ value: option, label: KINDS[option].label }))}
            value={kind}
            onChange={(next) => change({ kind: next })}
          />
          <p className="field-hint">{KINDS[kind].hint}</p>
        </fieldset>
        {input('name')}
        {kind === 'basic' && (
          <div className="form-row">
            {input('username')}
            {input('password', { type: 'password', required: !keepsSecret, hint: secretHint })}
          </div>
        )}
        {kind === 'bearer' && input('token', { type: 'password', required: !keepsSecret, hint: secretHint })}
        {kind === 'oauth2' && (
          <>
            <BuiltInTokenEndpointButton
              clientName={values.name.trim() || 'Hooklab client'}
              onIssued={({ tokenUrl, clientId, clientSecret }) => change({ tokenUrl, clientId, clientSecret })}
            />
            {input('tokenUrl', { mono: true, hint: 'Where the client-credentials grant is posted (RFC 6749 §4.4).' })}
            <div className="form-row">
              {input('clientId', { mono: true })}
              {input('clientSecret', { type: 'password', required: !keepsSecret, hint: secretHint })}
            </div>
            <div className="form-row">
              {input('scope', { required: false, hint: 'Optional, space-separated.' })}
              {input('audience', { required: false, hint: 'Optional; sent as audience when set.' })}
            </div>
            <FormField
              htmlFor="auth-profile-clientAuth"
              label={LABELS.clientAuth}
              error={visible('clientAuth')}
              hint="How the client id and secret reach the token URL."
            >
              <div id="auth-profile-clientAuth">
                <SegmentedRadio
                  label={LABELS.clientAuth}
                  options={CLIENT_AUTH_OPTIONS}
                  value={values.clientAuth}
                  onChange={(clientAuth) => change({ clientAuth })}
                />
              </div>
            </FormField>
          </>
        )}
        <p className="field-hint">Secrets are stored encrypted and never shown again.</p>
      </form>
    </Dialog>
  );
}
