import type { Box } from './layout';

export interface Point {
  x: number;
  y: number;
}

/** A connection's line: one cubic Bézier from `start` to `end`, as the map and every export draw it. */
export interface Route {
  start: Point;
  c1: Point;
  c2: Point;
  end: Point;
  /** The SVG path. */
  d: string;
}

const f = (n: number) => Math.round(n * 10) / 10;

function cubic(start: Point, c1: Point, c2: Point, end: Point): Route {
  return {
    start,
    c1,
    c2,
    end,
    d: `M ${f(start.x)} ${f(start.y)} C ${f(c1.x)} ${f(c1.y)}, ${f(c2.x)} ${f(c2.y)}, ${f(end.x)} ${f(end.y)}`,
  };
}

/**
 * How a connection between two cards runs: forward (to a later stage) from the right edge to the
 * left edge; to a card above or below in the same stage, from the facing edges straight across
 * the gap (a loop below ran behind the lower card); backward, in a loop below both cards.
 */
export function routeConnection(a: Box, b: Box): Route {
  const sameColumn = Math.abs(b.x - a.x) < a.width / 2;
  if (sameColumn) {
    const down = b.y > a.y;
    const sx = a.x + a.width / 2;
    const tx = b.x + b.width / 2;
    const sy = down ? a.y + a.height : a.y;
    const ty = down ? b.y : b.y + b.height;
    const my = (sy + ty) / 2;
    return cubic({ x: sx, y: sy }, { x: sx, y: my }, { x: tx, y: my }, { x: tx, y: ty });
  }
  if (b.x > a.x + a.width / 2) {
    const s = { x: a.x + a.width, y: a.y + a.height / 2 };
    const t = { x: b.x, y: b.y + b.height / 2 };
    const c = Math.max(Math.abs(t.x - s.x) * 0.5, 40);
    return cubic(s, { x: s.x + c, y: s.y }, { x: t.x - c, y: t.y }, t);
  }
  const s = { x: a.x + a.width / 2, y: a.y + a.height };
  const t = { x: b.x + b.width / 2, y: b.y + b.height };
  const drop = 60;
  return cubic(s, { x: s.x, y: s.y + drop }, { x: t.x, y: t.y + drop }, t);
}

export function pointOnRoute(r: Route, t: number): Point {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
  return {
    x: w[0] * r.start.x + w[1] * r.c1.x + w[2] * r.c2.x + w[3] * r.end.x,
    y: w[0] * r.start.y + w[1] * r.c1.y + w[2] * r.c2.y + w[3] * r.end.y,
  };
}

const overlaps = (a: Box, b: Box, margin: number) =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

/** Boxes bucketed by area, so a label looks only at the cards near it. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly size = 160) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x / this.size); i <= Math.floor((b.x + b.width) / this.size); i++)
      for (let j = Math.floor(b.y / this.size); j <= Math.floor((b.y + b.height) / this.size); j++)
        out.push(`${i},${j}`);
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box, margin: number): boolean {
    const grown = { x: b.x - margin, y: b.y - margin, width: b.width + 2 * margin, height: b.height + 2 * margin };
    for (const k of this.keys(grown)) for (const o of this.cells.get(k) ?? []) if (overlaps(b, o, margin)) return true;
    return false;
  }
}

export interface LabelRequest {
  id: string;
  route: Route;
  width: number;
  height: number;
}

/** Where along its line a label is tried first, then further from the middle. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
/** How far across the line a label may move to find room, in steps. */
const STEP = 8;
const REACH = 30;

export interface LabelRoom {
  /** Where labels must stay whole (a slide's grid); anywhere when absent. */
  bounds?: Box;
  /**
   * Also look sideways of the line, ring by ring, out to `reach` steps: on a slide a cell is as
   * wide as a label, so straight above or below a line between two columns is always a card.
   */
  sideways?: boolean;
  reach?: number;
}

const inside = (b: Box, bounds: Box | undefined) =>
  !bounds ||
  (b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height);

/** Offsets on the square ring `k` steps out, nearest the line's own height first. */
function ring(k: number): Point[] {
  if (k === 0) return [{ x: 0, y: 0 }];
  const out: Point[] = [];
  for (let j = 0; j <= k; j++)
    for (const [dx, dy] of [
      [k, j],
      [-k, j],
      [k, -j],
      [-k, -j],
      [j, k],
      [j, -k],
      [-j, k],
      [-j, -k],
    ] as const)
      out.push({ x: dx * STEP, y: dy * STEP });
  return out;
}

/**
 * Centres for connection labels where they cover no card and no other label: on the line's
 * middle when there is room, else the nearest free place along it or beside it (between two
 * neighbouring cards the gap is narrower than a label). A label that finds no room anywhere near
 * stays on the middle of its line, drawn above the cards.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  cards: readonly Box[],
  room: LabelRoom = {},
): Map<string, Point> {
  const index = new BoxIndex();
  for (const c of cards) index.add(c);
  const placed = new Map<string, Point>();
  const reach = room.reach ?? REACH;
  const free = (r: LabelRequest, p: Point) => {
    const box = { x: p.x - r.width / 2, y: p.y - r.height / 2, width: r.width, height: r.height };
    return inside(box, room.bounds) && !index.hits(box, 2);
  };
  for (const r of requests) {
    let found: Point | null = null;
    search: for (let k = 0; k <= reach; k++) {
      for (const t of ALONG) {
        const p = pointOnRoute(r.route, t);
        const offsets = room.sideways
          ? ring(k)
          : k === 0
            ? [{ x: 0, y: 0 }]
            : [
                { x: 0, y: -k * STEP },
                { x: 0, y: k * STEP },
              ];
        for (const d of offsets) {
          const at = { x: p.x + d.x, y: p.y + d.y };
          if (free(r, at)) {
            found = at;
            break search;
          }
        }
      }
    }
    const at = found ?? pointOnRoute(r.route, 0.5);
    placed.set(r.id, at);
    index.add({ x: at.x - r.width / 2, y: at.y - r.height / 2, width: r.width, height: r.height });
  }
  return placed;
}
