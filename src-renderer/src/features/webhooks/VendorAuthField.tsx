import type { AuthProfile } from '../../../../src-shared/domain/auth-profile.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { useVendorAccount, useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { FormField } from '../ui/FormField.tsx';
import { AuthProfileSelect } from './AuthProfileSelect.tsx';

export interface VendorAuthFieldProps {
  id: string;
  vendor: VendorId;
  authProfiles: readonly AuthProfile[];
  value: string | null;
  error?: string;
  onChange(authProfileId: string | null): void;
}

/** The account's shared credentials (FlexNet): shown, and changed on the Vendors page for every webhook at once. */
function SharedCredentials({ vendor, authProfiles }: { vendor: VendorId; authProfiles: readonly AuthProfile[] }) {
  const account = useVendorAccount(vendor);
  const { label } = vendorCatalogs[vendor];
  const profile = authProfiles.find((candidate) => candidate.id === account?.authProfileId);
  return (
    <p className={`notice${account && !profile ? ' notice-warning' : ''}`} data-testid="shared-credentials">
      {!account ? (
        'Loading the account’s credentials…'
      ) : profile ? (
        <>
          Tenant credentials: <strong>{profile.name}</strong> ({profile.kind}) — shared by all {label} webhooks
        </>
      ) : (
        `No tenant credentials yet: ${label} webhooks send no Authorization until the account has some`
      )}
      {' · '}
      <button type="button" className="link-button" onClick={() => useVendorAccounts.getState().openVendor(vendor)}>
        Change
      </button>
    </p>
  );
}

/** Only the auth kinds the vendor uses, with what the seed says about them beside the choice. */
export function VendorAuthField({ id, vendor, authProfiles, value, error, onChange }: VendorAuthFieldProps) {
  const { auth } = vendorCatalogs[vendor];
  if (auth.sharedPerAccount) {
    return (
      <FormField htmlFor={id} label="Authentication" error={error} hint={auth.note}>
        <div id={id} tabIndex={-1}>
          <SharedCredentials vendor={vendor} authProfiles={authProfiles} />
        </div>
      </FormField>
    );
  }
  return (
    <FormField htmlFor={id} label="Authentication" error={error} hint={auth.note}>
      <AuthProfileSelect id={id} kinds={auth.kinds} profiles={authProfiles} value={value} noneLabel="No authentication" error={error} onChange={onChange} />
    </FormField>
  );
}
