import { GRID, hitCell, scoreAt, type Box, type JourneyLayout } from '../domain/layout';
import { moveCards, setEmotionScore } from '../domain/card-commands';
import { batch, type Command } from '../domain/command';
import type { CardRec, Id, LaneKind } from '../domain/types';

export interface DropTarget {
  stageId: Id;
  laneId: Id;
  index: number;
  /** Set when an emotion point is dropped in the Emotions lane. */
  score?: number;
  /** Where to draw the indicator, in map coordinates. */
  indicator: Box;
}

/**
 * Where cards dragged with their centre at (x, y) would land. The dragged cards themselves do not
 * count as neighbours.
 */
export function dropTarget(
  layout: JourneyLayout,
  cards: readonly CardRec[],
  laneKind: (laneId: Id) => LaneKind | undefined,
  dragged: ReadonlySet<Id>,
  x: number,
  y: number,
): DropTarget | null {
  const boxesOf = (stageId: Id, laneId: Id) =>
    cards
      .filter((c) => c.stageId === stageId && c.laneId === laneId && !dragged.has(c.id))
      .map((c) => layout.cards[c.id]!)
      .filter(Boolean);
  const hit = hitCell(layout, x, y, boxesOf);
  if (!hit) return null;
  const col = layout.columns.find((c) => c.stageId === hit.stageId)!;
  const row = layout.rows.find((r) => r.laneId === hit.laneId)!;
  const left = col.x + GRID.cellPadding;
  if (laneKind(hit.laneId) === 'emotions') {
    const score = scoreAt(row.y, y);
    const top = row.y + GRID.cellPadding + (2 - score) * GRID.emotionStep;
    return {
      ...hit,
      index: boxesOf(hit.stageId, hit.laneId).length,
      score,
      indicator: { x: left, y: top, width: GRID.cardWidth, height: GRID.emotionCardHeight },
    };
  }
  const boxes = boxesOf(hit.stageId, hit.laneId);
  const lineY =
    hit.index < boxes.length
      ? boxes[hit.index]!.y - GRID.cardGap / 2
      : boxes.length > 0
        ? boxes[boxes.length - 1]!.y + boxes[boxes.length - 1]!.height + GRID.cardGap / 2
        : row.y + GRID.cellPadding;
  return { ...hit, indicator: { x: left, y: lineY - 2, width: GRID.cardWidth, height: 4 } };
}

/**
 * The command that drops the dragged cards (`primary` is the one under the pointer) on `target`,
 * or null when they would land where they are.
 */
export function dropCommand(
  cards: readonly CardRec[],
  dragged: ReadonlySet<Id>,
  primary: Id,
  target: DropTarget,
): Command | null {
  const ordered = cards.filter((c) => dragged.has(c.id)).map((c) => c.id);
  const card = cards.find((c) => c.id === primary);
  if (!card || ordered.length === 0) return null;
  const sameCell = ordered.length === 1 && card.stageId === target.stageId && card.laneId === target.laneId;
  if (target.score !== undefined && ordered.length === 1) {
    // An emotion point: its height is its score; a move sideways changes its stage.
    const commands: Command[] = [];
    if (!sameCell) commands.push(moveCards(ordered, target));
    if (target.score !== card.score) commands.push(setEmotionScore(card.id, target.score));
    return commands.length ? batch('dragEmotion', commands) : null;
  }
  const stay = cards.filter((c) => c.stageId === target.stageId && c.laneId === target.laneId && !dragged.has(c.id));
  const currentIndex = stay.findIndex((c) => c.order > card.order);
  if (sameCell && (currentIndex === -1 ? stay.length : currentIndex) === target.index) return null;
  return moveCards(ordered, target);
}
