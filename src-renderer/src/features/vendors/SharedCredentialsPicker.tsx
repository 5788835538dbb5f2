import { useState } from 'react';
import type { VendorAccount } from '../../../../src-shared/domain/vendor-account.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { toUiError } from '../../api/ui-error.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { AuthProfileDialog } from '../webhooks/AuthProfileDialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';

const ID = 'vendor-shared-auth';

/** One credential pair for all of the account's webhooks (FlexNet): changing it changes them all at once. */
export function SharedCredentialsPicker({ account }: { account: VendorAccount }) {
  const { auth, label } = vendorCatalogs[account.vendor];
  const profiles = useWebhooks((state) => state.authProfiles).filter((profile) => auth.kinds.includes(profile.kind));
  const webhookCount = useWebhooks((state) => state.webhooks.filter((webhook) => webhook.vendor === account.vendor).length);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [creating, setCreating] = useState(false);

  const choose = async (authProfileId: string | null) => {
    setError(null);
    setSaved(false);
    try {
      await useVendorAccounts.getState().update({ vendor: account.vendor, authProfileId });
      setSaved(true);
    } catch (caught) {
      const failure = toUiError(caught);
      setError(failure.issues.map((issue) => issue.message).join('; ') || failure.message);
    }
  };

  return (
    <>
      <FormField
        htmlFor={ID}
        label="Tenant credentials"
        error={error}
        hint={saved ? `Saved: every ${label} webhook uses it from its next try.` : `Used by every ${label} webhook (${webhookCount} now).`}
      >
        <div className="input-group">
          <select
            id={ID}
            className="input"
            value={account.authProfileId ?? ''}
            aria-invalid={Boolean(error) || undefined}
            aria-describedby={fieldMessageId(ID)}
            onChange={(change) => void choose(change.target.value || null)}
          >
            <option value="">None (no Authorization header)</option>
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name} ({profile.kind})
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New profile…
          </button>
        </div>
      </FormField>
      <AuthProfileDialog
        open={creating}
        kinds={auth.kinds}
        onClose={() => setCreating(false)}
        onCreated={(profile) => {
          setCreating(false);
          void choose(profile.id);
        }}
      />
    </>
  );
}
