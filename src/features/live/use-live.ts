import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import type { Id } from '../../domain/types';
import type { LiveJourney, LiveState } from '../../live/live-state';

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(useApp().live, selector);
}

/** How a journey is live in this tab, if it is. */
export function useLiveJourney(journeyId: Id): LiveJourney | undefined {
  return useLive((s) => s.journeys[journeyId]);
}
