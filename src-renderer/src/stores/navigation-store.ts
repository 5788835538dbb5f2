import { create } from 'zustand';

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

export const useNavigation = create<NavigationState>()((set) => ({
  view: initialView(),
  go(view) {
    sessionStorage.setItem(STORAGE_KEY, view);
    set({ view });
  },
}));
