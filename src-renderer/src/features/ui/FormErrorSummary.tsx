export interface FormErrorSummaryProps<F extends string> {
  /** The fields with an error, top of the form first; each message already names its field. */
  errors: readonly { field: F; message: string }[];
  onGo(field: F): void;
  testId: string;
}

/**
 * Every error of a long form at its top, each a link to its field: after a failed save the
 * focus lands on the first one, and the others may sit a few screens further down.
 */
export function FormErrorSummary<F extends string>({ errors, onGo, testId }: FormErrorSummaryProps<F>) {
  if (errors.length === 0) return null;
  return (
    <div className="form-error form-error-list" role="alert" data-testid={testId}>
      <p>{errors.length === 1 ? 'One field needs fixing before saving:' : `${errors.length} fields need fixing before saving:`}</p>
      <ul>
        {errors.map(({ field, message }) => (
          <li key={field}>
            <button type="button" className="link-button" onClick={() => onGo(field)}>
              {message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
