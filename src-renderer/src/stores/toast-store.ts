import { create } from 'zustand';

export type ToastTone = 'success' | 'info';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

/** Long enough to read a short sentence; each can also be closed at once. */
const TOAST_MS = 4000;
/** More at once is noise: the oldest goes first. */
const TOASTS_MAX = 3;

interface ToastState {
  toasts: Toast[];
  show(message: string, tone?: ToastTone): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Short confirmations of what an action did ("Webhook deleted"), for actions whose result is not otherwise in view. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(message, tone = 'success') {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, message, tone }].slice(-TOASTS_MAX) });
    setTimeout(() => get().dismiss(id), TOAST_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));

export const showToast = (message: string, tone?: ToastTone): void => useToasts.getState().show(message, tone);
