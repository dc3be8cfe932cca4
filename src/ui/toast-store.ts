import { createStore } from 'zustand/vanilla';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
  durationMs: number;
}

export const toasts = createStore<{ items: Toast[] }>(() => ({ items: [] }));
let nextId = 1;

export function showToast(message: string, options: { action?: Toast['action']; durationMs?: number } = {}): number {
  const id = nextId++;
  const toast: Toast = { id, message, action: options.action, durationMs: options.durationMs ?? 4000 };
  // Newest last; keep a few so a burst of actions does not flood the screen.
  toasts.setState((s) => ({ items: [...s.items, toast].slice(-4) }));
  return id;
}

export function dismissToast(id: number): void {
  toasts.setState((s) => ({ items: s.items.filter((t) => t.id !== id) }));
}
