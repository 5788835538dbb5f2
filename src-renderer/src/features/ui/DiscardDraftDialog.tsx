import { useUnsavedDrafts } from '../../stores/unsaved-draft-store.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Asks before an action would throw away unsaved edits (see useUnsavedDraft); one for the whole app. */
export function DiscardDraftDialog() {
  const pending = useUnsavedDrafts((state) => state.pending);
  return (
    <ConfirmDialog
      open={pending !== null}
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      focusCancel
      onClose={() => useUnsavedDrafts.getState().keepEditing()}
      onConfirm={async () => useUnsavedDrafts.getState().discard()}
    >
      <p>{pending?.drafts.join(', ')} has changes that are not saved. Discard them, or keep editing to save them first.</p>
    </ConfirmDialog>
  );
}
