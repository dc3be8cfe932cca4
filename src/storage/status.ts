import { createStore } from 'zustand/vanilla';
import type { StorageProblem } from './errors';

export interface StorageStatus {
  /** `failed`: a workspace exists but cannot be opened now; it is tried again. */
  phase: 'loading' | 'ready' | 'memoryOnly' | 'failed';
  problem: StorageProblem | null;
  detail: string;
  /** Records changed in memory and not yet committed. */
  pending: number;
  lastSavedAt: number | null;
  persistent: boolean | null;
  /** Journeys the browser discarded from storage that this tab did not hold to write again. */
  lost: string[];
  /** Raised by "Try again" while the database cannot be opened. */
  openAttempt: number;
}

export function createStatusStore() {
  return createStore<StorageStatus>(() => ({
    phase: 'loading',
    problem: null,
    detail: '',
    pending: 0,
    lastSavedAt: null,
    persistent: null,
    lost: [],
    openAttempt: 0,
  }));
}

export type StatusStore = ReturnType<typeof createStatusStore>;
