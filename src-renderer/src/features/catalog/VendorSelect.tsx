import { VENDOR_IDS, type VendorId } from '../../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { fieldMessageId } from '../ui/FormField.tsx';

interface VendorSelectProps {
  id: string;
  value: VendorId;
  onChange(vendor: VendorId): void;
  testId?: string;
}

/** One of the vendor profiles, by its label; described by its FormField's hint or error. */
export function VendorSelect({ id, value, onChange, testId }: VendorSelectProps) {
  return (
    <select
      id={id}
      className="input"
      value={value}
      aria-describedby={fieldMessageId(id)}
      data-testid={testId}
      onChange={(change) => onChange(change.target.value as VendorId)}
    >
      {VENDOR_IDS.map((vendor) => (
        <option key={vendor} value={vendor}>
          {vendorCatalogs[vendor].label}
        </option>
      ))}
    </select>
  );
}
