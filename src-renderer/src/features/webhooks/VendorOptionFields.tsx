import type { VendorOption } from '../../../../src-shared/domain/vendor.ts';
import { FormField } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';

export interface VendorOptionFieldsProps {
  options: readonly VendorOption[];
  values: Readonly<Record<string, string>>;
  /** The engine's verdict on the options, shown under each of them. */
  error?: string;
  onChange(key: string, value: string): void;
}

/** A vendor's own per-webhook choices, drawn from its catalog: a few choices as radios, more as a select. */
export function VendorOptionFields({ options, values, error, onChange }: VendorOptionFieldsProps) {
  return (
    <>
      {options.map((option) => {
        const id = `webhook-vendorOption-${option.key}`;
        const value = values[option.key] ?? option.default;
        return (
          <FormField key={option.key} htmlFor={id} label={option.label} error={error} hint={option.help}>
            {option.choices.length <= 3 ? (
              <div id={id} data-testid={id}>
                <SegmentedRadio label={option.label} options={option.choices} value={value} onChange={(next) => onChange(option.key, next)} />
              </div>
            ) : (
              <select id={id} className="input" value={value} onChange={(change) => onChange(option.key, change.target.value)}>
                {option.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        );
      })}
    </>
  );
}
