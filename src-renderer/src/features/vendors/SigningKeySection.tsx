import { useState } from 'react';
import type { VendorAccount } from '../../../../src-shared/domain/vendor-account.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { formatTimestamp } from '../../format/time-format.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { downloadText } from '../ui/download-text.ts';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { ImportKeyDialog } from './ImportKeyDialog.tsx';

/**
 * The account's RSA key (Zentitle2 N-Signature). Only the public half leaves the engine, in both
 * forms receivers are configured with: PEM, and the bare modulus in base64url (exponent AQAB).
 */
export function SigningKeySection({ account }: { account: VendorAccount }) {
  const [confirmingNew, setConfirmingNew] = useState(false);
  const [importing, setImporting] = useState(false);
  const key = account.signingKey;
  const { label } = vendorCatalogs[account.vendor];

  return (
    <div data-testid="signing-key">
      {key ? (
        <KeyValueList
          label="Signing key"
          items={[
            [
              'Fingerprint',
              <span className="mono" data-testid="key-fingerprint">
                {key.fingerprint}
              </span>,
            ],
            ['Size', `RSA ${key.bits} bits, exponent ${key.exponentBase64Url}`],
            ['Created', formatTimestamp(key.createdAt)],
            [
              'Public key (PEM)',
              <span className="input-group">
                <CopyButton text={key.pem} label="Copy public key PEM" testId="copy-public-pem" />
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => downloadText(`${account.vendor}-public-key.pem`, key.pem, 'application/x-pem-file')}
                >
                  Download .pem
                </button>
              </span>,
            ],
            [
              'Modulus (base64url)',
              <span className="input-group">
                <code className="mono row-ellipsis key-modulus" title={key.modulusBase64Url}>
                  {key.modulusBase64Url}
                </code>
                <CopyButton text={key.modulusBase64Url} label="Copy modulus (base64url)" testId="copy-modulus" />
              </span>,
            ],
          ]}
        />
      ) : (
        <p className="notice" data-testid="no-signing-key">
          No key yet: one is generated with the first {label} webhook, or generate or import one now.
        </p>
      )}
      <div className="input-group section-actions">
        <button type="button" className="button" onClick={() => (key ? setConfirmingNew(true) : void useVendorAccounts.getState().generateKey(account.vendor))}>
          Generate new key
        </button>
        <button type="button" className="button" onClick={() => setImporting(true)}>
          Import PEM…
        </button>
      </div>
      <p className="field-hint">The private key never leaves Hooklab; it is stored encrypted.</p>
      <ConfirmDialog
        open={confirmingNew}
        title="Replace the signing key?"
        confirmLabel="Generate new key"
        onClose={() => setConfirmingNew(false)}
        onConfirm={async () => {
          await useVendorAccounts.getState().generateKey(account.vendor);
        }}
      >
        <p>
          Every {label} call is signed with the new key from now on. Receivers configured with the current public key (fingerprint{' '}
          <span className="mono">{key?.fingerprint}</span>) reject them until they get the new one.
        </p>
      </ConfirmDialog>
      <ImportKeyDialog vendor={account.vendor} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
