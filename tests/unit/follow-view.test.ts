import { describe, expect, it } from 'vitest';
import {
  COMPACT_RAIL_PX,
  FOLLOW_MIN_ZOOM,
  frameFollowed,
  laneAtTop,
  movesWithin,
  stagesInView,
  viewOf,
} from '../../src/canvas/follow-frame';
import { visibleRect } from '../../src/canvas/framing';
import { readPresence, VIEW_STAGES_MAX } from '../../src/live/presence';

// Five stages of 280 beside 200 of lane titles; four lanes of 300 under a 64 px header.
const layout = {
  columns: ['a', 'b', 'c', 'd', 'e'].map((stageId, i) => ({ stageId, x: 200 + i * 280, width: 280 })),
  rows: ['l1', 'l2', 'l3', 'l4'].map((laneId, i) => ({ laneId, y: 64 + i * 300, height: 300 })),
  height: 64 + 4 * 300,
};
const opts = { compact: false, laneHeaderWidth: 200, stageHeaderHeight: 64 };
const phone = { width: 390, height: 700 };
const tablet = { width: 820, height: 1000 };
/** Where a stage's column is on screen at a viewport. */
const onScreen = (v: { x: number; zoom: number }, id: string) => {
  const c = layout.columns.find((col) => col.stageId === id)!;
  return { left: c.x * v.zoom + v.x, right: (c.x + c.width) * v.zoom + v.x };
};

describe('what a leader shows the room', () => {
  it('names the stages at least half in view, left to right', () => {
    // A projector at Fit 3 stages: lane titles, stages a–c and a sliver of d.
    const seen = visibleRect({ x: 0, y: 0, zoom: 1.2 }, { width: 1280, height: 600 });
    expect(stagesInView(layout.columns, seen)).toEqual(['a', 'b', 'c']);
    // Zoomed in on part of one stage: that stage.
    expect(stagesInView(layout.columns, { x: 800, y: 0, width: 100, height: 100 })).toEqual(['c']);
    // Panned off the map: none.
    expect(stagesInView(layout.columns, { x: 5000, y: 0, width: 100, height: 100 })).toEqual([]);
  });

  it('names the lane at the top once scrolled past the stage names', () => {
    expect(laneAtTop(layout.rows, { x: 0, y: 0, width: 10, height: 10 })).toBeNull();
    expect(laneAtTop(layout.rows, { x: 0, y: 500, width: 10, height: 10 })).toBe('l2');
  });

  it('during Present, shows the presented stage alone', () => {
    const seen = visibleRect({ x: 0, y: 0, zoom: 1 }, { width: 1280, height: 600 });
    expect(viewOf(layout, seen, 'b')).toEqual({ stages: ['b'], present: 'b', lane: null });
    // A stage no longer on the map is not presented.
    expect(viewOf(layout, seen, 'gone').present).toBeNull();
  });
});

describe('a follower frames the same stages to its own screen', () => {
  it('on a phone during Present: the stage at readable size, right of the lane strip, whole across', () => {
    const v = frameFollowed(layout, { stages: ['c'], present: 'c', lane: null }, phone, { ...opts, compact: true })!;
    // Cards at full size at least, as the leader's Present draws them.
    expect(v.zoom).toBeGreaterThanOrEqual(1);
    const c = onScreen(v, 'c');
    expect(c.left).toBeGreaterThanOrEqual(COMPACT_RAIL_PX);
    expect(c.right).toBeLessThanOrEqual(phone.width);
    // From the top: the stage's name is in view.
    expect(v.y).toBeGreaterThan(0);
  });

  it('on a phone following three stages: the first of them from its left edge, the rest a swipe away', () => {
    const v = frameFollowed(layout, { stages: ['b', 'c', 'd'], present: null, lane: null }, phone, {
      ...opts,
      compact: true,
    })!;
    expect(v.zoom).toBe(FOLLOW_MIN_ZOOM);
    expect(onScreen(v, 'b').left).toBeGreaterThanOrEqual(COMPACT_RAIL_PX);
    expect(onScreen(v, 'b').left).toBeLessThan(COMPACT_RAIL_PX + 20);
  });

  it('on a tablet: the stages fill the width beside the lane titles, titles at least 14 px', () => {
    const three = frameFollowed(layout, { stages: ['b', 'c', 'd'], present: null, lane: null }, tablet, opts)!;
    expect(15 * three.zoom).toBeGreaterThanOrEqual(14);
    expect(onScreen(three, 'b').left).toBeGreaterThanOrEqual(200 * three.zoom);
    // Five stages do not fit at a readable size: the first ones show, the rest a swipe away.
    const all = frameFollowed(layout, { stages: ['a', 'b', 'c', 'd', 'e'], present: null, lane: null }, tablet, opts)!;
    expect(all.zoom).toBe(FOLLOW_MIN_ZOOM);
    // One stage presented, on a large screen: as large as it is drawn whole.
    const one = frameFollowed(
      layout,
      { stages: ['e'], present: 'e', lane: null },
      { width: 1920, height: 2000 },
      opts,
    )!;
    expect(onScreen(one, 'e').right).toBeLessThanOrEqual(1920);
    expect(layout.height * one.zoom).toBeLessThanOrEqual(2000);
    expect(one.zoom).toBeGreaterThan(1);
  });

  it('scrolled down with the leader: their top lane under the stage names', () => {
    const v = frameFollowed(layout, { stages: ['a'], present: null, lane: 'l3' }, tablet, opts)!;
    expect(layout.rows[2]!.y * v.zoom + v.y).toBeCloseTo(64 * v.zoom);
  });

  it('leaves the map where it is when none of the stages is on it', () => {
    expect(frameFollowed(layout, { stages: ['zz'], present: null, lane: null }, phone, opts)).toBeNull();
  });

  it('a scroll within the stages shown is following; a zoom or a pan to other stages is not', () => {
    const view = { stages: ['c'], present: 'c', lane: null };
    const framed = frameFollowed(layout, view, phone, { ...opts, compact: true })!;
    const scrolled = { ...framed, y: framed.y - 600, x: framed.x - 20 };
    expect(movesWithin(layout, view, framed, scrolled, phone)).toBe(true);
    expect(movesWithin(layout, view, framed, { ...framed, zoom: framed.zoom * 1.3 }, phone)).toBe(false);
    expect(movesWithin(layout, view, framed, { ...framed, x: framed.x - 600 }, phone)).toBe(false);
  });
});

describe('a leader’s view, read from any peer', () => {
  const user = (view: unknown) => readPresence({ name: 'Fatima', leading: true, view })?.view;

  it('keeps checked stage ids and a presented stage among them', () => {
    expect(user({ stages: ['a', 'b'], present: null })).toEqual({ stages: ['a', 'b'], present: null, lane: null });
    expect(user({ stages: ['b'], present: 'b', lane: 'l1' })).toEqual({ stages: ['b'], present: 'b', lane: 'l1' });
  });

  it('reads anything else as no view: an older client’s rectangle, wrong types, unbounded lists', () => {
    expect(user({ x: 0, y: 0, width: 9, height: 9 })).toBeNull();
    expect(user({ stages: [] })).toBeNull();
    expect(user({ stages: ['a', 7] })).toBeNull();
    expect(user({ stages: ['a', 'x'.repeat(101)] })).toBeNull();
    expect(user({ stages: Array.from({ length: VIEW_STAGES_MAX + 1 }, (_, i) => `s${i}`) })).toBeNull();
    expect(user({ stages: ['a'], present: 'b' })).toBeNull();
    expect(user({ stages: ['a'], present: 3 })).toBeNull();
    expect(user('a')).toBeNull();
    // A bad lane is dropped, the stages kept.
    expect(user({ stages: ['a'], lane: { x: 1 } })).toEqual({ stages: ['a'], present: null, lane: null });
  });
});
