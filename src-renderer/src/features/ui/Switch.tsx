import { fieldMessageId } from './FormField.tsx';

export interface SwitchProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}

/** An on/off setting: a checkbox announced as a switch, its hint read with it. */
export function Switch({ id, label, checked, onChange, hint }: SwitchProps) {
  return (
    <div className="switch-field">
      <label className="switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox states its checked state itself; aria-checked would only repeat it.
          role="switch"
          checked={checked}
          aria-describedby={hint ? fieldMessageId(id) : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="switch-track" aria-hidden="true" />
        <span className="switch-label">{label}</span>
      </label>
      {hint && (
        <p id={fieldMessageId(id)} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
