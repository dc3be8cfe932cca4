import { createStore } from 'zustand/vanilla';
import type { DropTarget } from './drop-target';

/**
 * Where the dragged cards would land. Only the drop indicator listens, so a move re-renders
 * nothing else. Its own module: the app makes one at start, without loading the canvas.
 */
export const createDropIndicator = () => createStore<{ target: DropTarget | null }>(() => ({ target: null }));
export type DropIndicatorStore = ReturnType<typeof createDropIndicator>;
