import { describe, expect, it } from 'vitest';
import {
  FRAME_MARGIN,
  frameMap,
  framePreset,
  frameStage,
  framesWholeMap,
  MAX_ZOOM,
  MIN_ZOOM,
  PHONE_MIN_ZOOM,
  phonePartStart,
  readableZoom,
  WORKSHOP_MIN_ZOOM,
} from '../../src/canvas/framing';

const canvas = { width: 1256, height: 632 }; // 1000 × 600 inside the margins

describe('framing the map', () => {
  it('fits a map that fits, centred', () => {
    const v = frameMap({ width: 2000, height: 600 }, canvas);
    expect(v.zoom).toBe(0.5);
    expect(v.x).toBe(FRAME_MARGIN.left);
    expect(v.y).toBe(FRAME_MARGIN.top + (600 - 300) / 2);
  });

  it('shows a map too tall to fit from its top, at the smallest zoom', () => {
    const v = frameMap({ width: 2000, height: 100_000 }, canvas);
    expect(v.zoom).toBe(MIN_ZOOM);
    expect(v.y).toBe(FRAME_MARGIN.top);
    expect(v.x).toBe(FRAME_MARGIN.left + (1000 - 2000 * MIN_ZOOM) / 2);
  });

  it('in workshop mode keeps cards at full size, from the top-left', () => {
    const v = frameMap({ width: 3000, height: 2000 }, canvas, WORKSHOP_MIN_ZOOM);
    expect(v).toEqual({ zoom: 1, x: FRAME_MARGIN.left, y: FRAME_MARGIN.top });
    expect(framesWholeMap({ width: 3000, height: 2000 }, canvas, WORKSHOP_MIN_ZOOM)).toBe(false);
    expect(framesWholeMap({ width: 1000, height: 600 }, canvas, WORKSHOP_MIN_ZOOM)).toBe(true);
    expect(framesWholeMap({ width: 3000, height: 2000 }, canvas)).toBe(true);
    // A small map is still shown whole, larger.
    expect(frameMap({ width: 500, height: 300 }, canvas, WORKSHOP_MIN_ZOOM).zoom).toBe(2);
  });

  it('on a tablet opens a large map with cards at their full size, a desk shows it whole', () => {
    const map = { width: 1800, height: 2400 };
    const tablet = { width: 820, height: 1100 };
    expect(frameMap(map, tablet, readableZoom({ workshop: false, compact: false, tablet: true })).zoom).toBe(1);
    expect(frameMap(map, tablet, readableZoom({ workshop: false, compact: false })).zoom).toBeLessThan(0.5);
  });

  it('never zooms past the largest zoom, and survives an empty map or canvas', () => {
    expect(frameMap({ width: 10, height: 10 }, canvas).zoom).toBe(MAX_ZOOM);
    const empty = frameMap({ width: 0, height: 0 }, { width: 0, height: 0 });
    expect(Number.isFinite(empty.x) && Number.isFinite(empty.y) && Number.isFinite(empty.zoom)).toBe(true);
  });

  it('on a phone shows a large map from its first stage, right of the strip of lane titles', () => {
    const phone = { width: 390, height: 700 };
    const zoom = readableZoom({ workshop: false, compact: true });
    expect(zoom).toBe(PHONE_MIN_ZOOM);
    const v = frameMap({ width: 1400, height: 2400 }, phone, zoom, phonePartStart(180));
    expect(v.zoom).toBe(PHONE_MIN_ZOOM);
    // The first stage's left edge (x = 180 on the map) is 30 px from the screen's edge.
    expect(180 * v.zoom + v.x).toBe(30);
    // A map that fits is framed whole, as anywhere.
    expect(frameMap({ width: 100, height: 100 }, phone, zoom, phonePartStart(180)).x).toBe(
      frameMap({ width: 100, height: 100 }, phone, zoom).x,
    );
  });

  it('presents one stage as large as it can be drawn whole, beside the lane titles, never below full size', () => {
    const projector = { width: 1280, height: 560 };
    const column = { x: 200 + 2 * 280, width: 280 };
    // A short map: the stage's column fills the width left by the lane titles, and is drawn whole.
    const v = frameStage(column, 400, 200, projector);
    expect(v.zoom).toBeCloseTo((560 - 32) / 400);
    const left = column.x * v.zoom + v.x;
    const right = (column.x + column.width) * v.zoom + v.x;
    expect(left).toBeGreaterThanOrEqual(200 * v.zoom - 0.5);
    expect(right).toBeLessThanOrEqual(1280 + 0.5);
    // Centred in what the lane titles leave.
    expect(left - 200 * v.zoom).toBeCloseTo(1280 - right);
    // A tall map: cards at their own size at least, from the top.
    const tall = frameStage(column, 5000, 200, projector);
    expect(tall.zoom).toBe(WORKSHOP_MIN_ZOOM);
    expect(tall.y).toBe(FRAME_MARGIN.top);
  });

  it('fits the width, three stages or one stage across the screen, from the top-left', () => {
    const map = { width: 200 + 5 * 280, columnWidth: 280, laneHeaderWidth: 200 };
    const screen = { width: 1280, height: 560 };
    const three = framePreset('threeStages', map, screen);
    // Titles of 15 px are drawn at least 18 px high.
    expect(15 * three.zoom).toBeGreaterThanOrEqual(18);
    expect((200 + 3 * 280) * three.zoom + three.x).toBeLessThanOrEqual(1280);
    const one = framePreset('oneStage', map, screen);
    expect((200 + 280) * one.zoom + one.x).toBeLessThanOrEqual(1280);
    expect(one.zoom).toBeGreaterThan(three.zoom);
    const width = framePreset('width', map, screen);
    expect(map.width * width.zoom + width.x).toBeLessThanOrEqual(1280);
    expect(framePreset('width', { ...map, width: 10 }, screen).zoom).toBe(MAX_ZOOM);
  });
});
