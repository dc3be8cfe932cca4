import type { CardContent } from './card-commands';
import { LIMITS, type Id } from './types';

/** The most cards one paste makes: more is surely not a list of ideas (a whole document, say). */
export const CAPTURE_MAX_LINES = 200;

// A list's markers: "- ", "* ", "• ", "1. ", "2) ", "[ ] ".
const MARKER = /^(?:[-*•‣◦]\s+|\d{1,3}[.)]\s+|\[[ xX]?\]\s+)/u;

/**
 * Pasted lines (a chat, a spreadsheet column, sticky-note transcripts) as cards, one per line:
 * blank lines and list markers go; a line too long for a title keeps all its text, the rest in
 * the card's notes. Null when there are more than `CAPTURE_MAX_LINES`.
 */
export function linesToCards(text: string): CardContent[] | null {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(MARKER, '').trim())
    .filter((line) => line.length > 0);
  if (lines.length > CAPTURE_MAX_LINES) return null;
  return lines.map((line) => {
    const chars = [...line];
    if (chars.length <= LIMITS.cardTitleLength) return { title: line };
    return { title: chars.slice(0, LIMITS.cardTitleLength).join(''), notes: line };
  });
}

export interface Cell {
  stageId: Id;
  laneId: Id;
}

/**
 * Quick capture's moves: Tab / Shift+Tab to the next or previous lane, Ctrl+→ / Ctrl+← to the next
 * or previous stage; at either end it stays.
 */
export function moveCell(
  cell: Cell,
  order: { stages: readonly Id[]; lanes: readonly Id[] },
  move: 'nextLane' | 'previousLane' | 'nextStage' | 'previousStage',
): Cell {
  const step = (ids: readonly Id[], id: Id, by: number) => {
    const at = ids.indexOf(id);
    if (at === -1) return ids[0] ?? id;
    return ids[Math.min(ids.length - 1, Math.max(0, at + by))]!;
  };
  switch (move) {
    case 'nextLane':
      return { ...cell, laneId: step(order.lanes, cell.laneId, 1) };
    case 'previousLane':
      return { ...cell, laneId: step(order.lanes, cell.laneId, -1) };
    case 'nextStage':
      return { ...cell, stageId: step(order.stages, cell.stageId, 1) };
    case 'previousStage':
      return { ...cell, stageId: step(order.stages, cell.stageId, -1) };
  }
}

/**
 * The cell capture goes to: the one asked for while it is still in the journey, else the first
 * stage's first lane (null only for a journey with no stage or no lane).
 */
export function captureCell<S extends { id: Id }, L extends { id: Id }>(
  stages: readonly S[],
  lanes: readonly L[],
  cell: Cell | null,
): { stage: S; lane: L } | null {
  const stage = stages.find((s) => s.id === cell?.stageId) ?? stages[0];
  const lane = lanes.find((l) => l.id === cell?.laneId) ?? lanes[0];
  return stage && lane ? { stage, lane } : null;
}
