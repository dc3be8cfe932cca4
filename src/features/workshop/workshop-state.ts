import { createStore, type StoreApi } from 'zustand/vanilla';
import { newTimer, parseTimer, type Timer } from '../../domain/workshop-timer';

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
  /** The parking lot is open over the map. */
  parkingOpen: boolean;
}

const KEY = 'journey-canvas:workshop';

/** What a previous page of this tab left, if it is intact; anything else starts afresh. */
export function restoreWorkshop(text: string | null): WorkshopState {
  const fresh: WorkshopState = { on: false, timer: newTimer(5), sound: true, parkingOpen: false };
  if (!text) return fresh;
  try {
    const saved = JSON.parse(text) as { on?: unknown; sound?: unknown; timer?: unknown; parkingOpen?: unknown };
    const timer = parseTimer(saved.timer);
    if (typeof saved.on !== 'boolean' || !timer) return fresh;
    return {
      on: saved.on,
      // Kept by an earlier version without it: on, as new.
      sound: typeof saved.sound === 'boolean' ? saved.sound : true,
      parkingOpen: saved.parkingOpen === true,
      timer,
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

export function toggleParking(workshop: WorkshopStore): void {
  workshop.setState((s) => ({ parkingOpen: !s.parkingOpen }));
}

export function toggleSound(workshop: WorkshopStore): void {
  workshop.setState((s) => ({ sound: !s.sound }));
}

export function updateTimer(workshop: WorkshopStore, change: (timer: Timer) => Timer): void {
  workshop.setState((s) => ({ timer: change(s.timer) }));
}
