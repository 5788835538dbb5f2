import { create } from 'zustand';

export const FIRST_RUN_STEPS = ['fire', 'delivery', 'capture', 'webhook'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

/** What the checklist remembers of one workspace, across restarts of the app. */
interface FirstRunRecord {
  /** The webhooks the workspace had when the checklist first showed: none, or its demo webhook. */
  baseline: string[];
  done: FirstRunStep[];
  dismissed: boolean;
}

interface FirstRunState {
  /** null: no checklist for this workspace (one in use already) or not known yet. */
  record: FirstRunRecord | null;
  storageKey: string | null;
  /**
   * Starts (or takes up again) the checklist of the workspace at `dataDir`. Only an empty or
   * demo workspace (at most one webhook) gets one the first time.
   */
  begin(dataDir: string, webhookIds: readonly string[]): void;
  mark(step: FirstRunStep): void;
  dismiss(): void;
}

/** One key per workspace: each data directory has its own first run. */
const storageKeyOf = (dataDir: string) => `hooklab.firstRun:${dataDir}`;

function read(key: string): FirstRunRecord | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? 'null') as FirstRunRecord | null;
    return parsed && Array.isArray(parsed.baseline) && Array.isArray(parsed.done) ? parsed : null;
  } catch {
    return null;
  }
}

export const useFirstRun = create<FirstRunState>()((set, get) => {
  const save = (record: FirstRunRecord) => {
    const { storageKey } = get();
    if (storageKey) localStorage.setItem(storageKey, JSON.stringify(record));
    set({ record });
  };
  return {
    record: null,
    storageKey: null,
    begin(dataDir, webhookIds) {
      const storageKey = storageKeyOf(dataDir);
      if (get().storageKey === storageKey) return;
      set({ storageKey, record: null });
      const saved = read(storageKey);
      if (saved) set({ record: saved });
      else if (webhookIds.length <= 1) save({ baseline: [...webhookIds], done: [], dismissed: false });
    },
    mark(step) {
      const { record } = get();
      if (record && !record.done.includes(step)) save({ ...record, done: [...record.done, step] });
    },
    dismiss() {
      const { record } = get();
      if (record) save({ ...record, dismissed: true });
    },
  };
});
