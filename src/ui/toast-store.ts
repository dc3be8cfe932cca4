import { createStore } from 'zustand/vanilla';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
  durationMs: number;
  /** An error is announced at once (role alert); anything else politely (role status). */
  tone: 'info' | 'error';
  /** A toast whose action belongs to one screen (the Journeys screen's Undo) leaves with it. */
  screen?: string;
}

export const toasts = createStore<{ items: Toast[] }>(() => ({ items: [] }));
let nextId = 1;

export function showToast(
  message: string,
  options: { action?: Toast['action']; durationMs?: number; tone?: Toast['tone']; screen?: string } = {},
): number {
  const id = nextId++;
  const tone = options.tone ?? 'info';
  // Errors stay long enough to be read in full.
  const toast: Toast = {
    id,
    message,
    action: options.action,
    durationMs: options.durationMs ?? (tone === 'error' ? 10_000 : 4000),
    tone,
    screen: options.screen,
  };
  // Newest last; keep a few so a burst of actions does not flood the screen.
  toasts.setState((s) => ({ items: [...s.items, toast].slice(-4) }));
  return id;
}

export function dismissToast(id: number): void {
  toasts.setState((s) => ({ items: s.items.filter((t) => t.id !== id) }));
}

/** Dismisses the toasts of a screen the user has left: their Undo would act out of sight. */
export function dismissScreenToasts(screen: string): void {
  toasts.setState((s) => ({ items: s.items.filter((t) => t.screen !== screen) }));
}

/** Changes the words of a toast still on screen (a progress message). */
export function updateToast(id: number, message: string): void {
  toasts.setState((s) => ({ items: s.items.map((t) => (t.id === id ? { ...t, message } : t)) }));
}
