import { useEffect, useRef } from 'react';
import { useToasts } from '../../stores/toast-store.ts';

/**
 * The toasts, bottom right. A manual popover, shown again for each new toast, so that it sits in
 * the top layer above an open modal dialog (itself in the top layer) instead of under its backdrop.
 */
export function Toaster() {
  const toasts = useToasts((state) => state.toasts);
  const ref = useRef<HTMLDivElement>(null);
  // Undefined once the last one is gone: the popover closes then.
  const newest = toasts.at(-1)?.id;

  useEffect(() => {
    const toaster = ref.current;
    if (!toaster) return;
    if (toaster.matches(':popover-open')) toaster.hidePopover();
    if (newest !== undefined) toaster.showPopover();
  }, [newest]);

  return (
    <div ref={ref} popover="manual" className="toaster" role="status" aria-live="polite" data-testid="toaster">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast">
          <span>{toast.message}</span>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => useToasts.getState().dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
