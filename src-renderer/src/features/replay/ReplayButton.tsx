import { useState } from 'react';
import { ReplayDialog, type ReplayDialogProps } from './ReplayDialog.tsx';

/** "Replay…" and the dialog it opens, fresh for each source. */
export function ReplayButton(props: Omit<ReplayDialogProps, 'open' | 'onClose'>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} data-testid="replay-open">
        Replay…
      </button>
      <ReplayDialog key={`${props.source.kind}:${props.source.id}`} {...props} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
