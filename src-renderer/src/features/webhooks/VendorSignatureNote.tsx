import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { useVendorAccount, useVendorAccounts } from '../../stores/vendor-accounts-store.ts';

/** The vendor's own signature on every call (Zentitle2 N-Signature), made with the account key. */
export function VendorSignatureNote({ vendor }: { vendor: VendorId }) {
  const { signature, label } = vendorCatalogs[vendor];
  const key = useVendorAccount(signature === 'none' ? null : vendor)?.signingKey ?? null;
  if (signature === 'none') return null;
  return (
    <p className="notice" data-testid="vendor-signature-note">
      Every call carries <span className="mono">N-Signature</span>: signed with the {label} account key{' '}
      {key ? (
        <>
          (fingerprint <span className="mono">{key.fingerprint}</span>)
        </>
      ) : (
        '(a key pair is generated with the first webhook)'
      )}
      {' · '}
      <button type="button" className="link-button" onClick={() => useVendorAccounts.getState().openVendor(vendor)}>
        Manage key
      </button>
    </p>
  );
}
