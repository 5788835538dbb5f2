import { VENDOR_IDS, type VendorId } from '../../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { useVendorAccounts } from '../../stores/vendor-accounts-store.ts';
import { ListBox } from '../ui/ListBox.tsx';
import { VendorDetail } from './VendorDetail.tsx';

/** The four vendor profiles: how each authenticates and signs, its retry default, and what its account keeps. */
export function VendorsPage() {
  const shown = useVendorAccounts((state) => state.shown);

  return (
    <div className="split">
      <section className="pane pane-list" aria-label="Vendor list">
        <div className="pane-toolbar">
          <h2 className="pane-title">
            Vendors <span className="count">{VENDOR_IDS.length}</span>
          </h2>
        </div>
        <ListBox
          id="vendor-list"
          label="Vendors"
          items={VENDOR_IDS}
          itemId={(vendor) => vendor}
          selectedId={shown}
          onSelect={(vendor) => useVendorAccounts.getState().show(vendor as VendorId)}
          testId="vendor-list"
          renderItem={(vendor) => {
            const { label, auth, signature } = vendorCatalogs[vendor];
            return (
              <div className="row-stack">
                <div className="row-line">
                  <span className="row-title">{label}</span>
                </div>
                <div className="row-line muted">
                  <span className="row-ellipsis mono">{vendor}</span>
                  <span className="row-meta">
                    {auth.sharedPerAccount ? 'shared credentials' : auth.kinds.filter((kind) => kind !== 'none').join(' / ') || 'no auth'}
                    {signature === 'n-signature' && ' · N-Signature'}
                  </span>
                </div>
              </div>
            );
          }}
        />
      </section>
      <section className="pane pane-detail" aria-label="Vendor details">
        <VendorDetail key={shown} vendor={shown} />
      </section>
    </div>
  );
}
