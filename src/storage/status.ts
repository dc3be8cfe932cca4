import { createStore } from 'zustand/vanilla';
import type { StorageProblem } from './errors';

export interface StorageStatus {
  phase: 'loading' | 'ready' | 'memoryOnly';
  problem: StorageProblem | null;
  detail: string;
  /** Records changed in memory and not yet committed. */
  pending: number;
  lastSavedAt: number | null;
  persistent: boolean | null;
}

export function createStatusStore() {
  return createStore<StorageStatus>(() => ({
    phase: 'loading',
    problem: null,
    detail: '',
    pending: 0,
    lastSavedAt: null,
    persistent: null,
  }));
}

export type StatusStore = ReturnType<typeof createStatusStore>;
