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
 * A smooth SVG path through the points that never overshoots them: monotone cubic interpolation
 * (Fritsch–Carlson), so between two scores the curve stays between them and never leaves the
 * score range (Catmull-Rom swung past +2 and -2 on sharp turns). Points that share an x (several
 * emotion cards in one stage) are joined by a straight line.
 */
export function smoothPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  const n = points.length;
  const dx: number[] = [];
  const slope: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    dx.push(points[i + 1]!.x - points[i]!.x);
    slope.push(dx[i]! > 0 ? (points[i + 1]!.y - points[i]!.y) / dx[i]! : 0);
  }
  // Tangents: zero at a peak or a valley (or beside a vertical step), else a weighted mean.
  const m = points.map((_, i) => {
    if (i === 0) return slope[0] ?? 0;
    if (i === n - 1) return slope[n - 2] ?? 0;
    const a = slope[i - 1]!;
    const b = slope[i]!;
    if (a * b <= 0 || dx[i - 1]! <= 0 || dx[i]! <= 0) return 0;
    const w1 = 2 * dx[i]! + dx[i - 1]!;
    const w2 = dx[i]! + 2 * dx[i - 1]!;
    return (w1 + w2) / (w1 / a + w2 / b);
  });
  let d = `M ${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let i = 0; i < n - 1; i++) {
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    if (dx[i]! <= 0) {
      d += ` L ${f(p2.x)} ${f(p2.y)}`;
      continue;
    }
    const h = dx[i]! / 3;
    d += ` C ${f(p1.x + h)} ${f(p1.y + m[i]! * h)}, ${f(p2.x - h)} ${f(p2.y - m[i + 1]! * h)}, ${f(p2.x)} ${f(p2.y)}`;
  }
  return d;
}
