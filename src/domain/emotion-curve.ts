import type { JourneyLayout } from './layout';
import type { CardRec } from './types';

export interface Point {
  x: number;
  y: number;
}

/** The curve's points: emotion cards stage by stage, in order inside each stage (cards must be sorted so). */
export function emotionPoints(layout: JourneyLayout, cards: readonly CardRec[], emotionLaneId: string | null): Point[] {
  if (!emotionLaneId) return [];
  const points: Point[] = [];
  for (const card of cards) {
    if (card.laneId !== emotionLaneId) continue;
    const box = layout.cards[card.id];
    if (box) points.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  return points;
}

/**
 * A smooth SVG path through the points (Catmull-Rom turned into cubic Béziers), so the curve
 * passes exactly through every emotion card.
 */
export function smoothPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M ${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C ${f(c1.x)} ${f(c1.y)}, ${f(c2.x)} ${f(c2.y)}, ${f(p2.x)} ${f(p2.y)}`;
  }
  return d;
}
