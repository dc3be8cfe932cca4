import type { Viewport } from '@xyflow/react';

/** Framing leaves the controls (left) and the minimap (right) their own margins. */
export const FRAME_MARGIN = { top: 16, bottom: 16, left: 60, right: 196 } as const;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;
/** In workshop mode cards are never drawn smaller than their size: a room reads them from afar. */
export const WORKSHOP_MIN_ZOOM = 1;
/** On a phone cards are drawn large enough to read their titles; the rest is a swipe away. */
export const PHONE_MIN_ZOOM = 0.75;

/** On a tablet cards open at their own size at least: titles 15 px high, readable at arm's length. */
export const TABLET_MIN_ZOOM = 1;

/** The smallest zoom the map is framed at, unless the user asks for the whole map. */
export const readableZoom = (mode: { workshop: boolean; compact: boolean; tablet?: boolean }): number =>
  mode.workshop ? WORKSHOP_MIN_ZOOM : mode.compact ? PHONE_MIN_ZOOM : mode.tablet ? TABLET_MIN_ZOOM : MIN_ZOOM;

type Size = { width: number; height: number };

/** The canvas inside the margins, and the zoom at which the whole map would just fill it. */
function room(map: Size, canvas: Size) {
  const w = Math.max(1, canvas.width - FRAME_MARGIN.left - FRAME_MARGIN.right);
  const h = Math.max(1, canvas.height - FRAME_MARGIN.top - FRAME_MARGIN.bottom);
  return { w, h, ideal: Math.min(w / Math.max(1, map.width), h / Math.max(1, map.height)) };
}

/** Whether `frameMap` shows the whole map, or only its top-left part (it would be smaller than `minZoom`). */
export function framesWholeMap(map: Size, canvas: Size, minZoom: number = MIN_ZOOM): boolean {
  return room(map, canvas).ideal >= minZoom;
}

/** Where a map shown only in part starts: the map's `x` drawn `left` pixels from the canvas' edge. */
export interface PartStart {
  x: number;
  left: number;
}

/**
 * On a phone the lane titles are a thin strip over the map's left edge: a map shown in part starts
 * at its first stage, right of that strip, not at the empty column the titles leave on the map.
 */
export const phonePartStart = (laneHeaderWidth: number): PartStart => ({ x: laneHeaderWidth, left: 30 });

/**
 * The viewport that shows the whole map in a canvas of the given size, no smaller than `minZoom`.
 * A map that does not fit at that zoom is shown from its top-left corner, where the stage names
 * and the first lanes are, never cut off at the top.
 */
export function frameMap(map: Size, canvas: Size, minZoom: number = MIN_ZOOM, partFrom?: PartStart): Viewport {
  const { w, h, ideal } = room(map, canvas);
  const zoom = Math.min(MAX_ZOOM, Math.max(minZoom, ideal));
  return {
    zoom,
    x:
      partFrom && ideal < minZoom
        ? partFrom.left - partFrom.x * zoom
        : FRAME_MARGIN.left + Math.max(0, (w - map.width * zoom) / 2),
    y: FRAME_MARGIN.top + Math.max(0, (h - map.height * zoom) / 2),
  };
}

/** A part of the map, in the map's own coordinates. */
export interface MapRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the map a canvas of this size shows at this viewport. */
export function visibleRect(viewport: Viewport, canvas: Size): MapRect {
  const zoom = viewport.zoom || 1;
  return { x: -viewport.x / zoom, y: -viewport.y / zoom, width: canvas.width / zoom, height: canvas.height / zoom };
}

/**
 * Present: one stage's column, as large as it can be drawn whole (never smaller than cards' own
 * size, from the top when it is taller than the screen), beside the lane titles pinned at the
 * left, centred in what is left of the width.
 */
export function frameStage(
  column: { x: number; width: number },
  mapHeight: number,
  laneHeaderWidth: number,
  canvas: Size,
): Viewport {
  const pad = FRAME_MARGIN.top;
  const fitWidth = (canvas.width - 2 * pad) / Math.max(1, column.width + laneHeaderWidth);
  const fitHeight = (canvas.height - 2 * pad) / Math.max(1, mapHeight);
  const zoom = Math.min(MAX_ZOOM, Math.max(WORKSHOP_MIN_ZOOM, Math.min(fitWidth, fitHeight)));
  const rail = laneHeaderWidth * zoom;
  const spare = Math.max(0, canvas.width - rail - column.width * zoom);
  return { zoom, x: rail + spare / 2 - column.x * zoom, y: pad };
}

/** Workshop zoom presets: the whole width of the map, three stages, or one stage across the screen. */
export type FitPreset = 'width' | 'threeStages' | 'oneStage';

/**
 * A preset's viewport, from the map's top-left: as many stages as the preset says fill the width
 * (with the lane titles), so the room reads what the facilitator chose to show.
 */
export function framePreset(
  preset: FitPreset,
  map: { width: number; columnWidth: number; laneHeaderWidth: number },
  canvas: Size,
): Viewport {
  const pad = 8;
  const across =
    preset === 'width' ? map.width : map.laneHeaderWidth + (preset === 'threeStages' ? 3 : 1) * map.columnWidth;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (canvas.width - 2 * pad) / Math.max(1, across)));
  return { zoom, x: pad, y: pad };
}
