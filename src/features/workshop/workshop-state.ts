import { createStore, type StoreApi } from 'zustand/vanilla';
import { newTimer, type Timer } from '../../domain/workshop-timer';

/**
 * Workshop mode and its timer belong to this tab's session, like the selection: never in history,
 * never in the workspace. They survive moving between journeys, as a workshop often does, and a
 * reload (kept in sessionStorage; the timer holds wall-clock times, so it runs on meanwhile).
 */
export interface WorkshopState {
  on: boolean;
  timer: Timer;
  /** A chime when time is up; a facilitator can switch it off. */
  sound: boolean;
}

const KEY = 'journey-canvas:workshop';

const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** What a previous page of this tab left, if it is intact; anything else starts afresh. */
export function restoreWorkshop(text: string | null): WorkshopState {
  const fresh: WorkshopState = { on: false, timer: newTimer(5), sound: true };
  if (!text) return fresh;
  try {
    const saved = JSON.parse(text) as {
      on?: unknown;
      sound?: unknown;
      timer?: { durationMs?: unknown; startedAt?: unknown; elapsedMs?: unknown };
    };
    const t = saved.timer;
    if (
      typeof saved.on !== 'boolean' ||
      !t ||
      !isTime(t.durationMs) ||
      !isTime(t.elapsedMs) ||
      !(t.startedAt === null || isTime(t.startedAt))
    )
      return fresh;
    return {
      on: saved.on,
      // Kept by an earlier version without it: on, as new.
      sound: typeof saved.sound === 'boolean' ? saved.sound : true,
      timer: { durationMs: t.durationMs, elapsedMs: Math.min(t.elapsedMs, t.durationMs), startedAt: t.startedAt },
    };
  } catch {
    return fresh;
  }
}

function readSession(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the mode simply does not outlive the page
  }
}

/** This tab's workshop, restored from and kept in sessionStorage (`persist: false` in tests). */
export function createWorkshopState({ persist = true } = {}): WorkshopStore {
  const store = createStore<WorkshopState>(() => (persist ? restoreWorkshop(readSession()) : restoreWorkshop(null)));
  if (persist)
    store.subscribe((s) => {
      try {
        sessionStorage.setItem(KEY, JSON.stringify(s));
      } catch {
        // as above
      }
    });
  return store;
}

export type WorkshopStore = StoreApi<WorkshopState>;

export function toggleWorkshop(workshop: WorkshopStore): void {
  workshop.setState((s) => ({ on: !s.on }));
}

export function toggleSound(workshop: WorkshopStore): void {
  workshop.setState((s) => ({ sound: !s.sound }));
}

export function updateTimer(workshop: WorkshopStore, change: (timer: Timer) => Timer): void {
  workshop.setState((s) => ({ timer: change(s.timer) }));
}
