import { useState } from 'react';
import type { VendorAccount } from '../../../../src-shared/domain/vendor-account.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { fieldError, toUiError } from '../../api/ui-error.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { AuthProfileSelect } from '../webhooks/AuthProfileSelect.tsx';
import { FormField } from '../ui/FormField.tsx';

const ID = 'vendor-shared-auth';
const LABEL = 'Tenant credentials';

/** One credential pair for all of the account's webhooks (FlexNet): changing it changes them all at once. */
export function SharedCredentialsPicker({ account }: { account: VendorAccount }) {
  const { auth, label } = vendorCatalogs[account.vendor];
  const profiles = useWebhooks((state) => state.authProfiles);
  const webhookCount = useWebhooks((state) => state.webhooks.filter((webhook) => webhook.vendor === account.vendor).length);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const choose = async (authProfileId: string | null) => {
    setError(null);
    setSaved(false);
    try {
      await useVendorAccounts.getState().update({ vendor: account.vendor, authProfileId });
      setSaved(true);
    } catch (caught) {
      setError(fieldError(toUiError(caught), 'authProfileId', LABEL));
    }
  };

  return (
    <FormField
      htmlFor={ID}
      label={LABEL}
      error={error}
      hint={saved ? `Saved: every ${label} webhook uses it from its next try.` : `Used by every ${label} webhook (${webhookCount} now).`}
    >
      <AuthProfileSelect
        id={ID}
        kinds={auth.kinds}
        profiles={profiles}
        value={account.authProfileId}
        noneLabel="None (no Authorization header)"
        error={error}
        onChange={(authProfileId) => void choose(authProfileId)}
      />
    </FormField>
  );
}
