import { useState, type FormEvent } from 'react';
import type { VendorAccountField } from '../../../../src-shared/domain/vendor.ts';
import type { VendorAccount } from '../../../../src-shared/domain/vendor-account.ts';
import { placeIssues, toUiError } from '../../api/ui-error.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { submitOnModEnter, SUBMIT_SHORTCUT_LABEL } from '../ui/submit-shortcut.ts';

const controlId = (key: string) => `vendor-setting-${key}`;

/** The text settings a vendor keeps per account (FlexNet: tenant, user id, ENS options), drawn from its catalog. */
export function AccountSettingsForm({ account, fields }: { account: VendorAccount; fields: readonly VendorAccountField[] }) {
  const [values, setValues] = useState<Record<string, string>>(account.settings);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const dirty = fields.some((field) => (values[field.key] ?? '') !== (account.settings[field.key] ?? ''));

  const edit = (key: string, value: string) => {
    setValues({ ...values, [key]: value });
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    setGeneral(null);
    try {
      const updated = await useVendorAccounts.getState().update({ vendor: account.vendor, settings: values });
      setValues(updated.settings);
      setSaved(true);
    } catch (caught) {
      const failure = toUiError(caught);
      const labels = Object.fromEntries(fields.map((field) => [field.key, field.label]));
      const placed = placeIssues(failure.issues, labels, (path) => path.replace(/^settings\./, '')).fields;
      setErrors(placed);
      if (Object.keys(placed).length === 0) setGeneral(failure.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate data-testid="account-settings">
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-row">
        {fields.map((field) => (
          <FormField key={field.key} htmlFor={controlId(field.key)} label={field.label} error={errors[field.key]} hint={field.help}>
            {field.choices ? (
              <select
                id={controlId(field.key)}
                className="input"
                value={values[field.key] ?? field.default}
                aria-invalid={Boolean(errors[field.key]) || undefined}
                aria-describedby={fieldMessageId(controlId(field.key))}
                onChange={(change) => edit(field.key, change.target.value)}
              >
                {field.choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={controlId(field.key)}
                className="input"
                value={values[field.key] ?? ''}
                placeholder={field.default}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={Boolean(errors[field.key]) || undefined}
                aria-describedby={fieldMessageId(controlId(field.key))}
                onChange={(change) => edit(field.key, change.target.value)}
              />
            )}
          </FormField>
        ))}
      </div>
      <div className="input-group">
        <button type="submit" className="button button-primary" disabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save settings'}
          <kbd>{SUBMIT_SHORTCUT_LABEL}</kbd>
        </button>
        <span className="field-hint" role="status">
          {saved && !dirty ? 'Saved; the next events carry these values.' : dirty ? 'Unsaved changes' : ''}
        </span>
      </div>
    </form>
  );
}
