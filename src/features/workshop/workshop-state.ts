import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { newTimer, type Timer } from '../../domain/workshop-timer';

/**
 * Workshop mode and its timer belong to this tab's session, like the selection: never in history,
 * never stored. They survive moving between journeys, as a workshop often does.
 */
export interface WorkshopState {
  on: boolean;
  timer: Timer;
}

export const workshopState = createStore<WorkshopState>(() => ({ on: false, timer: newTimer(5) }));

export function useWorkshop<T>(selector: (s: WorkshopState) => T): T {
  return useStore(workshopState, selector);
}

export function toggleWorkshop(): void {
  workshopState.setState((s) => ({ on: !s.on }));
}

export function updateTimer(change: (timer: Timer) => Timer): void {
  workshopState.setState((s) => ({ timer: change(s.timer) }));
}
