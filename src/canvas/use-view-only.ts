import { useStore } from 'zustand';
import { useApp } from '../app/app-context';
import type { Id } from '../domain/types';

/**
 * Whether this journey is open here to watch only (a live session's view link): the map then
 * shows no editing control at all, rather than controls that answer "view only" when pressed.
 */
export function useViewOnly(journeyId: Id): boolean {
  return useStore(useApp().live, (s) => s.journeys[journeyId]?.access === 'view');
}
