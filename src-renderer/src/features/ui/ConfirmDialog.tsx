import { useState, type ReactNode } from 'react';
import { toUiError } from '../../api/ui-error.ts';
import { Dialog } from './Dialog.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** The way back; "Cancel" unless said. */
  cancelLabel?: string;
  /** Focus the way back when the dialog opens, so Enter cannot lose work by reflex. */
  focusCancel?: boolean;
  children: ReactNode;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** Asks before something destructive; shows the failure in place if the action is refused. */
export function ConfirmDialog({ open, title, confirmLabel, cancelLabel = 'Cancel', focusCancel = false, children, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(toUiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close} data-autofocus={focusCancel || undefined}>
            {cancelLabel}
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={confirm} data-autofocus={!focusCancel || undefined}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
