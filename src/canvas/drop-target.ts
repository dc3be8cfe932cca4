import { GRID, hitCell, scoreAt, type Box, type JourneyLayout } from '../domain/layout';
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
    cards.filter((c) => c.stageId === stageId && c.laneId === laneId && !dragged.has(c.id)).map((c) => layout.cards[c.id]!).filter(Boolean);
  const hit = hitCell(layout, x, y, boxesOf);
  if (!hit) return null;
  const col = layout.columns.find((c) => c.stageId === hit.stageId)!;
  const row = layout.rows.find((r) => r.laneId === hit.laneId)!;
  const left = col.x + GRID.cellPadding;
  if (laneKind(hit.laneId) === 'emotions') {
    const score = scoreAt(row.y, y);
    const top = row.y + GRID.cellPadding + (2 - score) * GRID.emotionStep;
    return { ...hit, index: boxesOf(hit.stageId, hit.laneId).length, score, indicator: { x: left, y: top, width: GRID.cardWidth, height: GRID.emotionCardHeight } };
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
