import { useEffect } from 'react';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { catalogEvents, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { useVendorAccount, useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { exactDelays, RetryScheduleList } from '../delivery-rules/RetryScheduleList.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { Section } from '../ui/Section.tsx';
import { AccountSettingsForm } from './AccountSettingsForm.tsx';
import { SharedCredentialsPicker } from './SharedCredentialsPicker.tsx';
import { SigningKeySection } from './SigningKeySection.tsx';

const SIGNATURE_TEXT = {
  none: 'None of its own (Standard Webhooks signing can be added per webhook).',
  'n-signature': 'N-Signature on every call: RSASSA-PKCS1-v1_5 SHA-256 over the raw body, with the account key.',
} as const;

export function VendorDetail({ vendor }: { vendor: VendorId }) {
  const catalog = vendorCatalogs[vendor];
  const error = useVendorAccounts((state) => state.errors[vendor]);
  const retryDefault = useDeliveryRules((state) => state.rules?.vendorDefaults.find((candidate) => candidate.vendor === vendor));
  useEffect(() => {
    void useDeliveryRules.getState().load();
  }, []);
  const account = useVendorAccount(vendor);

  return (
    <div className="detail" data-testid="vendor-detail">
      <header className="detail-header">
        <div className="detail-title">
          <h2>{catalog.label}</h2>
          <span className="pill pill-muted mono">{vendor}</span>
        </div>
      </header>
      <div className="detail-body">
        {error && <ErrorBanner error={error} onRetry={() => void useVendorAccounts.getState().load(vendor)} />}
        <Section title="Profile">
          <KeyValueList
            label="Profile"
            items={[
              ['Events', `${catalogEvents(vendor).length} in ${catalog.entities.length} entities`],
              ...(catalog.note ? ([['Note', catalog.note]] as const) : []),
              ['Authentication', catalog.auth.note],
              ['Auth kinds', catalog.auth.kinds.join(', ')],
              ['Signature', SIGNATURE_TEXT[catalog.signature]],
              [
                'Retries',
                retryDefault ? (
                  <div data-testid="vendor-retry-default">
                    <RetryScheduleList delays={exactDelays(retryDefault.scheduleMs)} />
                    <span className="field-hint">{retryDefault.source}</span>
                  </div>
                ) : (
                  '…'
                ),
              ],
            ]}
          />
        </Section>
        {!account && !error && <LoadingState label="Loading the account…" />}
        {account && catalog.auth.sharedPerAccount && (
          <Section title="Shared credentials">
            <SharedCredentialsPicker account={account} />
          </Section>
        )}
        {account && catalog.accountFields.length > 0 && (
          <Section title="Account settings">
            <AccountSettingsForm account={account} fields={catalog.accountFields} />
          </Section>
        )}
        {account && catalog.signature === 'n-signature' && (
          <Section title="Signing key">
            <SigningKeySection account={account} />
          </Section>
        )}
      </div>
    </div>
  );
}
