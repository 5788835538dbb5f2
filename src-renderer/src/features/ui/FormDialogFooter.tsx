interface FormDialogFooterProps {
  /** The id of the dialog's <form>: the submit button sits outside it, in the footer. */
  formId: string;
  onCancel(): void;
  submitLabel: string;
  /** Shown on the submit button while the form's work runs; the button is disabled then. */
  busyLabel: string;
  busy: boolean;
  cancelLabel?: string;
  /** E.g. while a stop is on its way. */
  cancelDisabled?: boolean;
  /** Disables submit for other reasons (e.g. nothing loaded yet). */
  disabled?: boolean;
  submitTitle?: string;
}

/** Cancel and submit for a dialog holding a form. */
export function FormDialogFooter({
  formId,
  onCancel,
  submitLabel,
  busyLabel,
  busy,
  cancelLabel = 'Cancel',
  cancelDisabled = false,
  disabled = false,
  submitTitle,
}: FormDialogFooterProps) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel}
      </button>
      <button type="submit" form={formId} className="button button-primary" disabled={busy || disabled} title={submitTitle}>
        {busy ? busyLabel : submitLabel}
      </button>
    </>
  );
}
