import { describe, expect, it } from 'vitest';
import { placeLabels, pointOnRoute, routeConnection } from '../../src/domain/connection-route';
import { layoutJourney, type Box } from '../../src/domain/layout';
import { journeyParts } from '../../src/domain/queries';
import { approximateMeasure } from '../../src/domain/text-measure';
import { readFileSync } from 'node:fs';
import { storeWith } from '../helpers/workspace';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('routeConnection', () => {
  const upper = { x: 100, y: 100, width: 248, height: 112 };
  const lower = { x: 100, y: 300, width: 248, height: 112 };

  it('links a card to the one below it across the gap between them, never behind either', () => {
    const r = routeConnection(upper, lower);
    expect(r.start).toEqual({ x: 224, y: 212 });
    expect(r.end).toEqual({ x: 224, y: 300 });
    for (let t = 0.05; t < 1; t += 0.05) {
      const p = pointOnRoute(r, t);
      expect(p.y).toBeGreaterThanOrEqual(212);
      expect(p.y).toBeLessThanOrEqual(300);
    }
    expect(routeConnection(lower, upper).start).toEqual({ x: 224, y: 300 });
  });

  it('runs forward links edge to edge and backward ones in a loop below', () => {
    const next = { x: 400, y: 100, width: 248, height: 112 };
    expect(routeConnection(upper, next).start).toEqual({ x: 348, y: 156 });
    expect(routeConnection(upper, next).end).toEqual({ x: 400, y: 156 });
    const back = routeConnection(next, upper);
    expect(back.start.y).toBe(212);
    expect(back.c1.y).toBeGreaterThan(212);
  });
});

describe('placeLabels', () => {
  it('finds every label of the demo a place clear of every card and of each other', () => {
    const demo = readFileSync(new URL('../../src/demo/demo.journey.json', import.meta.url), 'utf8');
    const store = storeWith(demo);
    for (const journey of Object.values(store.getDoc().journeys)) {
      const parts = journeyParts(store.getDoc(), journey.id)!;
      const layout = layoutJourney(parts.stages, parts.lanes, parts.cards);
      const labelled = parts.connections.filter((x) => x.label);
      const requests = labelled.map((x) => ({
        id: x.id,
        route: routeConnection(layout.cards[x.from]!, layout.cards[x.to]!),
        width: approximateMeasure(x.label!, 12, false) + 12,
        height: 18,
      }));
      const placed = placeLabels(requests, Object.values(layout.cards));
      const boxes = requests.map((r) => ({
        x: placed.get(r.id)!.x - r.width / 2,
        y: placed.get(r.id)!.y - r.height / 2,
        width: r.width,
        height: r.height,
      }));
      for (const b of boxes) for (const card of Object.values(layout.cards)) expect(overlap(b, card)).toBe(false);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
    }
  });

  it('keeps a label on the middle of its line when there is room', () => {
    const r = routeConnection({ x: 0, y: 0, width: 100, height: 50 }, { x: 600, y: 0, width: 100, height: 50 });
    expect(placeLabels([{ id: 'x', route: r, width: 80, height: 18 }], []).get('x')).toEqual(pointOnRoute(r, 0.5));
  });

  it('looks sideways, inside the bounds, where the cells are as wide as the label (a slide)', () => {
    // A grid of cards 400 wide with gaps of 28: straight above or below the line is always a card,
    // and the only free room is the empty cell to the right of the lower row.
    const cards = [
      { x: 0, y: 0, width: 400, height: 80 },
      { x: 428, y: 0, width: 400, height: 80 },
      { x: 0, y: 108, width: 400, height: 80 },
    ];
    const bounds = { x: 0, y: 0, width: 828, height: 188 };
    const request = { id: 'x', route: routeConnection(cards[0]!, cards[1]!), width: 160, height: 42 };
    const box = (at: { x: number; y: number }) => ({ x: at.x - 80, y: at.y - 21, width: 160, height: 42 });
    const inside = (b: ReturnType<typeof box>) =>
      b.x >= bounds.x && b.y >= bounds.y && b.x + b.width <= 828 && b.y + b.height <= 188;
    expect(cards.some((c) => overlap(box(placeLabels([request], cards, { bounds }).get('x')!), c))).toBe(true);
    const at = placeLabels([request], cards, { bounds, sideways: true, reach: 80 }).get('x')!;
    for (const c of cards) expect(overlap(box(at), c)).toBe(false);
    expect(inside(box(at))).toBe(true);
  });
});
