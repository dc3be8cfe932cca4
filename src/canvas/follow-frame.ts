import type { Viewport } from '@xyflow/react';
import type { Id } from '../domain/types';
import type { JourneyLayout } from '../domain/layout';
import { MAX_ZOOM, WORKSHOP_MIN_ZOOM, type MapRect } from './framing';

/**
 * A follower never draws cards smaller than this: a card's title is 15 px at full size
 * (`.card__title`), so titles stay at least 14 px on any screen (14.1: 14/15 rounds to just under
 * 14 in the browser's transform), however wide the leader's view.
 */
export const FOLLOW_MIN_ZOOM = 0.94;
/** On a phone the lane titles are a strip this wide pinned at the left (`LaneRail`), whatever the zoom. */
export const COMPACT_RAIL_PX = 26;
/** Space kept between the lane titles (or the screen's edge) and the stages framed. */
const PAD = 8;

/** What a leader shows, as the followers read it. */
export interface FollowedView {
  stages: Id[];
  present: Id | null;
  lane: Id | null;
}

type Size = { width: number; height: number };
type Layout = Pick<JourneyLayout, 'columns' | 'rows' | 'height'>;

/**
 * The stages a leader sees: those at least half in view, else the one most in view (zoomed in on
 * part of one). At most `max`, so a huge map does not make a huge presence.
 */
export function stagesInView(columns: Layout['columns'], seen: MapRect, max = 50): Id[] {
  const shown = (c: { x: number; width: number }) =>
    Math.max(0, Math.min(c.x + c.width, seen.x + seen.width) - Math.max(c.x, seen.x));
  const half = columns.filter((c) => shown(c) >= c.width / 2).map((c) => c.stageId);
  if (half.length) return half.slice(0, max);
  let best: { id: Id; px: number } | null = null;
  for (const c of columns) {
    const px = shown(c);
    if (px > 0 && (!best || px > best.px)) best = { id: c.stageId, px };
  }
  return best ? [best.id] : [];
}

/**
 * The lane at the top of a leader's view, when they have scrolled past the stage headers: the
 * first whose middle is in view. Null when the top of the map is in view.
 */
export function laneAtTop(rows: Layout['rows'], seen: MapRect): Id | null {
  const first = rows[0];
  if (!first || seen.y <= first.y) return null;
  return rows.find((r) => r.y + r.height / 2 >= seen.y)?.laneId ?? null;
}

/** What a leader at this viewport shows the room. */
export function viewOf(layout: Layout, seen: MapRect, presenting: Id | null): FollowedView {
  if (presenting && layout.columns.some((c) => c.stageId === presenting))
    return { stages: [presenting], present: presenting, lane: null };
  return { stages: stagesInView(layout.columns, seen), present: null, lane: laneAtTop(layout.rows, seen) };
}

/** Where the lane titles end on screen at this zoom (they are pinned at the left). */
const railOf = (laneHeaderWidth: number, zoom: number, compact: boolean) =>
  compact ? COMPACT_RAIL_PX : laneHeaderWidth * zoom;

/** The stages a view names that this map has, as one span of the map's width. */
function spanOf(layout: Layout, view: FollowedView): { x: number; width: number } | null {
  const ids = new Set(view.present ? [view.present] : view.stages);
  const columns = layout.columns.filter((c) => ids.has(c.stageId));
  if (!columns.length) return null;
  const left = Math.min(...columns.map((c) => c.x));
  const right = Math.max(...columns.map((c) => c.x + c.width));
  return { x: left, width: right - left };
}

/**
 * A follower's frame of what the leader shows, by the follower's own rules: the stages fill its
 * width beside the lane titles, never below `FOLLOW_MIN_ZOOM` (a phone then shows the first of
 * them and the rest is a swipe away); a presented stage is also fitted to the height when it can
 * be, never below full size, as on the leader's screen. From the map's top, or the leader's top lane. Null when none of
 * the stages is on this map (not yet synced, or deleted meanwhile): the map stays where it is.
 */
export function frameFollowed(
  layout: Layout,
  view: FollowedView,
  canvas: Size,
  opts: { compact: boolean; laneHeaderWidth: number; stageHeaderHeight: number },
): Viewport | null {
  const span = spanOf(layout, view);
  if (!span) return null;
  const { compact, laneHeaderWidth } = opts;
  // The rail is a fixed strip on a phone; elsewhere it scales with the map.
  const across = compact ? span.width : span.width + laneHeaderWidth;
  const free = canvas.width - 2 * PAD - (compact ? COMPACT_RAIL_PX : 0);
  let fit = free / Math.max(1, across);
  if (view.present) fit = Math.min(fit, (canvas.height - 2 * PAD) / Math.max(1, layout.height));
  // A presented stage is drawn at least at full size, as the leader's own Present draws it.
  const floor = view.present ? WORKSHOP_MIN_ZOOM : FOLLOW_MIN_ZOOM;
  const zoom = Math.min(MAX_ZOOM, Math.max(floor, fit));
  const rail = railOf(laneHeaderWidth, zoom, compact);
  const room = canvas.width - rail - 2 * PAD;
  const spare = Math.max(0, room - span.width * zoom);
  const row = view.lane && !view.present ? layout.rows.find((r) => r.laneId === view.lane) : undefined;
  // Scrolled down, the leader's top lane sits under the pinned stage names.
  const y = row ? opts.stageHeaderHeight * zoom - row.y * zoom : PAD;
  return { zoom, x: rail + PAD + spare / 2 - span.x * zoom, y };
}

/**
 * Whether a follower's own move keeps to what the leader shows: the same zoom, and the middle of
 * its screen still over those stages. Reading a presented stage on a phone means scrolling it up,
 * down and sideways; that is following, not declining. A zoom, or a pan to other stages, is the
 * follower's own choice, and stops following.
 */
export function movesWithin(
  layout: Layout,
  view: FollowedView,
  framed: Viewport,
  now: Viewport,
  canvas: Size,
): boolean {
  if (Math.abs(now.zoom - framed.zoom) > framed.zoom * 1e-3) return false;
  const span = spanOf(layout, view);
  if (!span) return false;
  const middle = (canvas.width / 2 - now.x) / now.zoom;
  return middle >= span.x && middle <= span.x + span.width;
}
