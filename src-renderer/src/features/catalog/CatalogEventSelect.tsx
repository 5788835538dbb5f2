import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { fieldMessageId } from '../ui/FormField.tsx';

export interface CatalogEventSelectProps {
  id: string;
  vendor: VendorId;
  value: string;
  invalid?: boolean;
  onChange(eventName: string): void;
  onBlur?(): void;
}

/** The vendor's events grouped by entity, named exactly as the vendor names them. */
export function CatalogEventSelect({ id, vendor, value, invalid, onChange, onBlur }: CatalogEventSelectProps) {
  return (
    <select
      id={id}
      className="input"
      value={value}
      aria-invalid={invalid || undefined}
      aria-describedby={fieldMessageId(id)}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    >
      {value === '' && <option value="">Choose an event…</option>}
      {vendorCatalogs[vendor].entities.map((entity) => (
        <optgroup key={entity.name} label={entity.note ? `${entity.name} (${entity.note})` : entity.name}>
          {entity.events.map((event) => (
            <option key={event.name} value={event.name}>
              {event.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
