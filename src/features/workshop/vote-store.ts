import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VoteBoard } from './vote-board';

export interface VoteState {
  board: VoteBoard | null;
}

/**
 * One per app: the vote of the journey on screen (a test or a second document has its own). Apart
 * from the vote's logic, which loads with the editor.
 */
export const createVoteStore = (): VoteStore => createStore<VoteState>(() => ({ board: null }));
export type VoteStore = StoreApi<VoteState>;
