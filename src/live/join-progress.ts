/**
 * How far the opening of a live link has come: connecting to the room, receiving its journey,
 * then the journey here (read and checked) with its number of cards, ready to open.
 */
export type JoinProgress = { step: 'connecting' } | { step: 'receiving' } | { step: 'received'; cards: number };

/** The steps in order: a progress bar shows how many are reached, of all of them. */
export const JOIN_STEPS = ['connecting', 'receiving', 'received'] as const;

/** The step reached, counted from 1 (connecting) to `JOIN_STEPS.length` (the journey is here). */
export const stepReached = (progress: JoinProgress): number => JOIN_STEPS.indexOf(progress.step) + 1;
