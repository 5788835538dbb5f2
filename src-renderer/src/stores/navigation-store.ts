import { create } from 'zustand';
import { useUnsavedDrafts } from './unsaved-draft-store.ts';

export const VIEWS = ['webhooks', 'vendors', 'fire', 'deliveries', 'receiver', 'scenarios', 'check', 'conditions'] as const;
export type View = (typeof VIEWS)[number];

const STORAGE_KEY = 'hooklab.view';

function initialView(): View {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  return (VIEWS as readonly string[]).includes(saved ?? '') ? (saved as View) : 'webhooks';
}

interface NavigationState {
  view: View;
  go(view: View): void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  view: initialView(),
  go(view) {
    if (view === get().view) return;
    // Another page unmounts this one, and with it any form being typed into.
    useUnsavedDrafts.getState().guard(() => {
      sessionStorage.setItem(STORAGE_KEY, view);
      set({ view });
    });
  },
}));
