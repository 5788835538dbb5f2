import { useId, type ReactNode } from 'react';

export interface SegmentedRadioProps<T extends string> {
  label: string;
  options: ReadonlyArray<{ value: T; label: ReactNode }>;
  value: T;
  onChange(value: T): void;
}

/** One choice out of a few, as joined buttons: radios underneath, so arrow keys and forms work as usual. */
export function SegmentedRadio<T extends string>({ label, options, value, onChange }: SegmentedRadioProps<T>) {
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label key={option.value} className="segmented-option">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
