import { describe, expect, it } from 'vitest';
import { emotionPoints, smoothPath } from '../../src/domain/emotion-curve';
import { GRID, layoutJourney } from '../../src/domain/layout';
import { journeyParts } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutJourney', () => {
  const store = storeWith(readExample('appointment-reschedule.journey.json'));
  const parts = journeyParts(store.getDoc(), 'j-reschedule')!;
  const layout = layoutJourney(parts.stages, parts.lanes, parts.cards);

  it('puts every card inside its own stage column and lane row', () => {
    for (const card of parts.cards) {
      const box = layout.cards[card.id]!;
      const col = layout.columns[parts.stages.findIndex((s) => s.id === card.stageId)]!;
      const row = layout.rows[parts.lanes.findIndex((l) => l.id === card.laneId)]!;
      expect(box.x).toBeGreaterThanOrEqual(col.x);
      expect(box.x + box.width).toBeLessThanOrEqual(col.x + col.width);
      expect(box.y).toBeGreaterThanOrEqual(row.y);
      expect(box.y + box.height).toBeLessThanOrEqual(row.y + row.height);
    }
  });

  it('never lets two cards overlap, and stacks a cell in array order', () => {
    const boxes = Object.values(layout.cards);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    // Stage "Contact" has two touchpoint cards: the first in the file is on top.
    expect(layout.cards.c4!.y).toBeLessThan(layout.cards.c5!.y);
  });

  it('grows a row to its fullest cell and spans all stages', () => {
    const touch = layout.rows[1]!;
    expect(touch.height).toBeGreaterThanOrEqual(2 * GRID.cardHeight + GRID.cardGap);
    expect(layout.width).toBe(GRID.laneHeaderWidth + 4 * GRID.columnWidth);
    expect(layout.height).toBe(layout.rows.at(-1)!.y + layout.rows.at(-1)!.height);
  });

  it('places emotion points higher for higher scores and draws the curve through them in stage order', () => {
    // c3 -1, c7 -2, c12 +1, c15 +2
    expect(layout.cards.c15!.y).toBeLessThan(layout.cards.c12!.y);
    expect(layout.cards.c12!.y).toBeLessThan(layout.cards.c3!.y);
    expect(layout.cards.c3!.y).toBeLessThan(layout.cards.c7!.y);
    const emotionLane = parts.lanes.find((l) => l.kind === 'emotions')!;
    const points = emotionPoints(layout, parts.cards, emotionLane.id);
    expect(points).toHaveLength(4);
    expect(points.map((p) => p.x)).toEqual([...points.map((p) => p.x)].sort((a, b) => a - b));
    const path = smoothPath(points);
    expect(path.startsWith(`M ${points[0]!.x} ${points[0]!.y}`)).toBe(true);
    expect(path.match(/C /g)).toHaveLength(3);
    expect(path.endsWith(`${points[3]!.x} ${points[3]!.y}`)).toBe(true);
  });

  it('draws a curve that never overshoots its points, whatever the turns', () => {
    // Scores +2, -2, +2, -2 and a flat run: Catmull-Rom swung past both ends of the range.
    const pts = [2, -2, 2, -2, -2, 1].map((score, i) => ({ x: i * 100, y: (2 - score) * 50 }));
    const path = smoothPath(pts);
    const numbers = [...path.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(200);
    // Two points in one stage (same x) are joined by a straight line.
    expect(
      smoothPath([
        { x: 0, y: 0 },
        { x: 0, y: 50 },
        { x: 100, y: 20 },
      ]),
    ).toContain('L 0 50');
  });

  it('lays out an empty journey as headers only', () => {
    const empty = layoutJourney([], [], []);
    expect(empty.width).toBe(GRID.laneHeaderWidth);
    expect(empty.height).toBe(GRID.stageHeaderHeight);
  });
});
