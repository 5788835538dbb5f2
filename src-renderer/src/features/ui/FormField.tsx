import type { ReactNode } from 'react';

export interface FormFieldProps {
  /** The id of the control, so the label and messages attach to it. */
  htmlFor: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  /** "12 / 100" under text inputs with a length limit. */
  counter?: { length: number; max: number };
  required?: boolean;
  children: ReactNode;
}

export function fieldMessageId(controlId: string): string {
  return `${controlId}-message`;
}

/** Label, control and, under it, either the error or a hint. */
export function FormField({ htmlFor, label, error, hint, counter, required, children }: FormFieldProps) {
  const over = counter ? counter.length > counter.max : false;
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <div className="form-field-label-row">
        <label htmlFor={htmlFor}>
          {label}
          {required && (
            <span className="required-mark" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        {counter && (
          <span className={`field-counter${over ? ' over' : ''}`} aria-hidden="true">
            {counter.length} / {counter.max}
          </span>
        )}
      </div>
      {children}
      <div id={fieldMessageId(htmlFor)} className="form-field-message" aria-live="polite">
        {error ? (
          <span className="field-error" data-testid={`${htmlFor}-error`}>
            {error}
          </span>
        ) : (
          hint && <span className="field-hint">{hint}</span>
        )}
      </div>
    </div>
  );
}
