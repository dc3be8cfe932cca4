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

export interface ToastOptions {
  action?: Toast['action'];
  durationMs?: number;
  tone?: Toast['tone'];
  screen?: string;
}

/** The messages of one page: each app (and each test) has its own. */
export function createToasts() {
  const store = createStore<{ items: Toast[] }>(() => ({ items: [] }));
  let nextId = 1;
  return {
    store,
    show(message: string, options: ToastOptions = {}): number {
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
      store.setState((s) => ({ items: [...s.items, toast].slice(-4) }));
      return id;
    },
    dismiss(id: number): void {
      store.setState((s) => ({ items: s.items.filter((t) => t.id !== id) }));
    },
    /** Dismisses the toasts of a screen the user has left: their Undo would act out of sight. */
    dismissScreen(screen: string): void {
      store.setState((s) => ({ items: s.items.filter((t) => t.screen !== screen) }));
    },
    /** Changes the words of a toast still on screen (a progress message). */
    update(id: number, message: string): void {
      store.setState((s) => ({ items: s.items.map((t) => (t.id === id ? { ...t, message } : t)) }));
    },
  };
}

export type Toasts = ReturnType<typeof createToasts>;
