import { useState, type FormEvent } from 'react';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { fieldError, toUiError } from '../../api/ui-error.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';

const ID = 'import-key-pem';

/** Replaces the account key with a private key from elsewhere (e.g. the one a real account's receivers know). */
export function ImportKeyDialog({ vendor, open, onClose }: { vendor: VendorId; open: boolean; onClose(): void }) {
  const [pem, setPem] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setPem('');
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await useVendorAccounts.getState().importKey(vendor, pem);
      close();
    } catch (caught) {
      setError(fieldError(toUiError(caught), 'privateKeyPem', 'Private key'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={open}
      title="Import a private key"
      onClose={close}
      size="large"
      testId="import-key-dialog"
      footer={<FormDialogFooter formId="import-key-form" onCancel={close} busy={saving} busyLabel="Importing…" submitLabel="Import key" />}
    >
      <form id="import-key-form" className="form" onSubmit={submit} noValidate>
        <FormField
          htmlFor={ID}
          label="Private key (PEM)"
          error={error}
          hint="RSA, 2048 bits or more: -----BEGIN PRIVATE KEY----- (PKCS#8) or -----BEGIN RSA PRIVATE KEY----- (PKCS#1). It replaces the current key."
        >
          <textarea
            id={ID}
            className="input textarea mono"
            rows={10}
            value={pem}
            spellCheck={false}
            aria-invalid={Boolean(error) || undefined}
            aria-describedby={fieldMessageId(ID)}
            onChange={(change) => {
              setPem(change.target.value);
              setError(null);
            }}
          />
        </FormField>
      </form>
    </Dialog>
  );
}
