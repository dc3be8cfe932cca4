import type { CardRec, Id, LaneRec, StageRec } from './types';

/**
 * Where everything of a journey stands, as a pure function of its records, so that the canvas,
 * the image exports and the tests agree. Units are CSS pixels at zoom 1.
 */
export const GRID = {
  laneHeaderWidth: 200,
  stageHeaderHeight: 64,
  columnWidth: 280,
  cardWidth: 248,
  cardHeight: 112,
  cardGap: 12,
  cellPadding: 16,
  emotionCardHeight: 52,
  /** Vertical distance between two adjacent scores in the Emotions lane. */
  emotionStep: 40,
  /** Room under a cell's cards for its add button. */
  addRow: 40,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface JourneyLayout {
  columns: { stageId: Id; x: number; width: number }[];
  rows: { laneId: Id; y: number; height: number }[];
  cards: Record<Id, Box>;
  width: number;
  height: number;
}

function cellKey(stageId: Id, laneId: Id): string {
  return `${stageId}\u0000${laneId}`;
}

export const COLLAPSED_LANE_HEIGHT = 44;

/**
 * Stages, lanes and cards must already be sorted by their order keys. Cards of collapsed lanes
 * get no box.
 */
export function layoutJourney(
  stages: readonly StageRec[],
  lanes: readonly LaneRec[],
  cards: readonly CardRec[],
  collapsed: Readonly<Record<Id, true>> = {},
  /** A card's height when it is not the usual one (an export with every card's full text). */
  heightOf?: (card: CardRec) => number,
): JourneyLayout {
  const g = GRID;
  const cells = new Map<string, CardRec[]>();
  for (const card of cards) {
    const key = cellKey(card.stageId, card.laneId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }

  const columns = stages.map((s, i) => ({
    stageId: s.id,
    x: g.laneHeaderWidth + i * g.columnWidth,
    width: g.columnWidth,
  }));

  const rows: JourneyLayout['rows'] = [];
  const boxes: Record<Id, Box> = {};
  let y = g.stageHeaderHeight;
  for (const lane of lanes) {
    let height: number;
    if (collapsed[lane.id]) {
      height = COLLAPSED_LANE_HEIGHT;
    } else if (lane.kind === 'emotions') {
      // Five score levels (+2 … -2): a point's height says its score; below them, the add button.
      height = 2 * g.cellPadding + 4 * g.emotionStep + g.emotionCardHeight + g.addRow;
      columns.forEach((col) => {
        const list = cells.get(cellKey(col.stageId, lane.id)) ?? [];
        const n = list.length;
        if (n === 0) return;
        const inner = col.width - 2 * g.cellPadding;
        const w = Math.min(g.cardWidth, (inner - (n - 1) * g.cardGap) / n);
        list.forEach((card, i) => {
          const score = clampScore(card.score ?? 0);
          boxes[card.id] = {
            x: col.x + g.cellPadding + i * (w + g.cardGap),
            y: y + g.cellPadding + (2 - score) * g.emotionStep,
            width: w,
            height: g.emotionCardHeight,
          };
        });
      });
    } else {
      // The tallest stack of the lane sets its height (one empty card's room at least).
      let tallest: number = g.cardHeight;
      for (const col of columns) {
        const list = cells.get(cellKey(col.stageId, lane.id)) ?? [];
        let top = y + g.cellPadding;
        for (const card of list) {
          const h = Math.max(g.cardHeight, heightOf?.(card) ?? g.cardHeight);
          boxes[card.id] = { x: col.x + g.cellPadding, y: top, width: g.cardWidth, height: h };
          top += h + g.cardGap;
        }
        tallest = Math.max(tallest, top - g.cardGap - (y + g.cellPadding));
      }
      height = 2 * g.cellPadding + tallest + g.addRow;
    }
    rows.push({ laneId: lane.id, y, height });
    y += height;
  }

  return {
    columns,
    rows,
    cards: boxes,
    width: g.laneHeaderWidth + stages.length * g.columnWidth,
    height: y,
  };
}

export function clampScore(score: number): number {
  return Math.max(-2, Math.min(2, Math.round(score)));
}

/** Which cell a point of the map falls in, and where in that cell's stack; null outside the grid. */
export function hitCell(
  layout: JourneyLayout,
  x: number,
  y: number,
  cellCardsOf: (stageId: Id, laneId: Id) => readonly Box[],
): { stageId: Id; laneId: Id; index: number } | null {
  const col = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
  const row = layout.rows.find((r) => y >= r.y && y < r.y + r.height);
  if (!col || !row) return null;
  const boxes = cellCardsOf(col.stageId, row.laneId);
  let index = boxes.length;
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]!;
    if (y < b.y + b.height / 2) {
      index = i;
      break;
    }
  }
  return { stageId: col.stageId, laneId: row.laneId, index };
}

/** The score a point of the Emotions lane stands for (+2 at the top … -2 at the bottom). */
export function scoreAt(rowY: number, y: number): number {
  const g = GRID;
  const centreOfTop = rowY + g.cellPadding + g.emotionCardHeight / 2;
  return clampScore(2 - (y - centreOfTop) / g.emotionStep);
}
