import { useEffect } from 'react';
import { create } from 'zustand';

interface UnsavedDraftState {
  /** Forms on screen holding edits not saved, by a key each form picks; the value names the draft. */
  drafts: Readonly<Record<string, string>>;
  /** What waits for the user's answer to "discard?"; null when nothing asks. */
  pending: { drafts: string[]; keys: string[]; proceed(): void } | null;
  setDraft(key: string, label: string | null): void;
  /** Runs `proceed` now when no draft (of `keys`, or any) would be lost, else once the user agrees to discard. */
  guard(proceed: () => void, keys?: readonly string[]): void;
  /** Asks about one draft the caller keeps itself (a scenario draft lives in its own store). */
  ask(label: string, proceed: () => void): void;
  discard(): void;
  keepEditing(): void;
}

export const useUnsavedDrafts = create<UnsavedDraftState>()((set, get) => ({
  drafts: {},
  pending: null,
  setDraft(key, label) {
    const { [key]: _dropped, ...others } = get().drafts;
    set({ drafts: label === null ? others : { ...others, [key]: label } });
  },
  guard(proceed, keys) {
    const { drafts } = get();
    const at = Object.entries(drafts).filter(([key]) => keys === undefined || keys.includes(key));
    if (at.length === 0) {
      proceed();
      return;
    }
    set({ pending: { drafts: at.map(([, label]) => label), keys: at.map(([key]) => key), proceed } });
  },
  ask(label, proceed) {
    set({ pending: { drafts: [label], keys: [], proceed } });
  },
  discard() {
    const { pending, drafts } = get();
    if (!pending) return;
    // The forms being left unmount or reset themselves; their drafts go now so the action is not asked about twice.
    set({ pending: null, drafts: Object.fromEntries(Object.entries(drafts).filter(([key]) => !pending.keys.includes(key))) });
    pending.proceed();
  },
  keepEditing() {
    set({ pending: null });
  },
}));

/** Marks the calling form's unsaved edits (while `dirty`) so leaving it asks first. */
export function useUnsavedDraft(key: string, dirty: boolean, label: string): void {
  useEffect(() => {
    useUnsavedDrafts.getState().setDraft(key, dirty ? label : null);
  }, [key, dirty, label]);
  useEffect(() => () => useUnsavedDrafts.getState().setDraft(key, null), [key]);
}
