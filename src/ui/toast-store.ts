import { createStore } from 'zustand/vanilla';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
  durationMs: number;
  /** An error is announced at once (role alert); anything else politely (role status). */
  tone: 'info' | 'error';
}

export const toasts = createStore<{ items: Toast[] }>(() => ({ items: [] }));
let nextId = 1;

export function showToast(message: string, options: { action?: Toast['action']; durationMs?: number; tone?: Toast['tone'] } = {}): number {
  const id = nextId++;
  const tone = options.tone ?? 'info';
  // Errors stay long enough to be read in full.
  const toast: Toast = { id, message, action: options.action, durationMs: options.durationMs ?? (tone === 'error' ? 10_000 : 4000), tone };
  // Newest last; keep a few so a burst of actions does not flood the screen.
  toasts.setState((s) => ({ items: [...s.items, toast].slice(-4) }));
  return id;
}

export function dismissToast(id: number): void {
  toasts.setState((s) => ({ items: s.items.filter((t) => t.id !== id) }));
}
