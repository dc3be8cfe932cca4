import { cellCards, stagesOf } from './journey-parts';
import type { Id, Workspace } from './types';

export type StepDirection = 'up' | 'down' | 'left' | 'right';

/**
 * Where a card goes when it is moved one step by the keyboard: up or down among the cards of its
 * cell, left or right to the same place in the neighbouring stage (its lane stays, so its kind
 * does). Null at the edge of the cell or of the map. The index is among the cell's other cards,
 * as `moveCards` takes it.
 */
export function stepTarget(
  ws: Workspace,
  cardId: Id,
  direction: StepDirection,
): { stageId: Id; laneId: Id; index: number } | null {
  const card = ws.cards[cardId];
  if (!card) return null;
  const here = cellCards(ws, card.stageId, card.laneId);
  const index = here.findIndex((c) => c.id === cardId);
  if (direction === 'up' || direction === 'down') {
    const next = direction === 'up' ? index - 1 : index + 1;
    if (next < 0 || next > here.length - 1) return null;
    return { stageId: card.stageId, laneId: card.laneId, index: next };
  }
  const stages = stagesOf(ws, card.journeyId);
  const stage = stages[stages.findIndex((s) => s.id === card.stageId) + (direction === 'left' ? -1 : 1)];
  if (!stage) return null;
  const there = cellCards(ws, stage.id, card.laneId);
  return { stageId: stage.id, laneId: card.laneId, index: Math.min(index, there.length) };
}
