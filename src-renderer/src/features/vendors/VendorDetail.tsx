import { useEffect } from 'react';
import { VENDOR_API_VENDORS, type VendorApiVendor } from '../../../../src-shared/domain/vendor-api.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { catalogEvents, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { useDeliveryRules } from '../../stores/delivery-rules-store.ts';
import { useVendorAccount, useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { useVendorApis, type VendorDetailTab } from '../../stores/vendor-apis-store.ts';
import { exactDelays, RetryScheduleList } from '../delivery-rules/RetryScheduleList.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { Section } from '../ui/Section.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { AccountSettingsForm } from './AccountSettingsForm.tsx';
import { SharedCredentialsPicker } from './SharedCredentialsPicker.tsx';
import { ManagementApiView } from './ManagementApiView.tsx';
import { SigningKeySection } from './SigningKeySection.tsx';
import { VendorApiCallLog } from './VendorApiCallLog.tsx';

const SIGNATURE_TEXT = {
  none: 'None of its own (Standard Webhooks signing can be added per webhook).',
  'n-signature': 'N-Signature on every call: RSASSA-PKCS1-v1_5 SHA-256 over the raw body, with the account key.',
} as const;

/** What Hooklab's profile of the vendor does, and what its account keeps. */
function VendorProfile({ vendor }: { vendor: VendorId }) {
  const catalog = vendorCatalogs[vendor];
  const error = useVendorAccounts((state) => state.errors[vendor]);
  const retryDefault = useDeliveryRules((state) => state.rules?.vendorDefaults.find((candidate) => candidate.vendor === vendor));
  useEffect(() => {
    void useDeliveryRules.getState().load();
  }, []);
  const account = useVendorAccount(vendor);

  return (
    <>
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
    </>
  );
}

function isApiVendor(vendor: VendorId): vendor is VendorApiVendor {
  return (VENDOR_API_VENDORS as readonly VendorId[]).includes(vendor);
}

/** The vendor's emulated management API and the live log of calls to it, once the engine has said where they listen. */
function ManagementApiTabs({ vendor }: { vendor: VendorApiVendor }) {
  const tab = useVendorApis((store) => store.tab);
  const state = useVendorApis((store) => store.state);
  const load = useVendorApis((store) => store.load);
  const callCount = useVendorApis((store) => store.calls.filter((call) => call.vendor === vendor).length);
  useEffect(() => {
    // Read on each visit and tab: the CLI or another window may have switched the APIs since (no event says so).
    if (tab !== 'profile' || !useVendorApis.getState().state) void useVendorApis.getState().fetch();
  }, [tab]);
  const access = state?.vendors.find((candidate) => candidate.vendor === vendor) ?? null;
  const tabs: { id: VendorDetailTab; label: string }[] = [
    { id: 'profile', label: 'Profile' },
    { id: 'api', label: 'Management API' },
    { id: 'calls', label: `API calls (${callCount})` },
  ];
  return (
    <Tabs label="Vendor" tabs={tabs} selectedId={tab} onSelect={(id) => useVendorApis.getState().showTab(id as VendorDetailTab)} testId="vendor-tabs">
      {tab === 'profile' ? (
        <VendorProfile vendor={vendor} />
      ) : load.status === 'error' ? (
        <ErrorBanner error={load.error} onRetry={() => void useVendorApis.getState().fetch()} />
      ) : !state || !access ? (
        <LoadingState label="Loading the vendor APIs…" />
      ) : tab === 'api' ? (
        <ManagementApiView state={state} access={access} />
      ) : (
        <VendorApiCallLog access={access} />
      )}
    </Tabs>
  );
}

export function VendorDetail({ vendor }: { vendor: VendorId }) {
  const catalog = vendorCatalogs[vendor];
  return (
    <div className="detail" data-testid="vendor-detail">
      <header className="detail-header">
        <div className="detail-title">
          <h2>{catalog.label}</h2>
          <span className="pill pill-muted mono">{vendor}</span>
        </div>
      </header>
      <div className="detail-body">{isApiVendor(vendor) ? <ManagementApiTabs vendor={vendor} /> : <VendorProfile vendor={vendor} />}</div>
    </div>
  );
}
