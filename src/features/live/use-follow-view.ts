import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useApp, useEditor } from '../../app/app-context';
import { visibleRect } from '../../canvas/framing';
import { frameFollowed, movesWithin, viewOf } from '../../canvas/follow-frame';
import { GRID, type JourneyLayout } from '../../domain/layout';
import type { Id } from '../../domain/types';
import { setFollowing, type MapView } from '../../live/live-state';
import { useLive } from './use-live';
import { prefersReducedMotion } from '../../ui/reduced-motion';

/** How often a leader's view goes out while they pan or zoom. */
const VIEW_EVERY_MS = 60;

/** One string per view, so the same view told again (any presence changing) is not framed anew. */
const keyOf = (view: MapView | null) => (view ? JSON.stringify([view.stages, view.present, view.lane]) : '');

/**
 * Follow in a live session, on the map: a leader tells the others which stages they show (and the
 * one they present); a follower frames those stages to its own screen, by its own rules
 * (`frameFollowed`), with Present's veil. A follower's own zoom, or a pan to other stages, stops
 * following (they can follow again from the header); scrolling within the stages shown does not.
 * Returns what the canvas calls when the user moved the map, and the stage to veil around.
 */
export function useFollowView(
  journeyId: Id,
  layout: JourneyLayout,
  compact: boolean,
  fitting: { current: boolean },
): { userMoved: (event: unknown, viewport: Viewport) => void; present: Id | null } {
  const app = useApp();
  const flow = useReactFlow();
  const store = useStoreApi();
  const leading = useLive((s) => s.journeys[journeyId]?.leading ?? false);
  const presenting = useEditor((s) => s.presenting);
  const viewKey = useLive((s) => {
    const live = s.journeys[journeyId];
    return live && !live.followOff && live.leader ? keyOf(live.leader.view) : '';
  });
  const view = useMemo<MapView | null>(() => {
    if (!viewKey) return null;
    const [stages, present, lane] = JSON.parse(viewKey) as [Id[], Id | null, Id | null];
    return { stages, present, lane };
  }, [viewKey]);
  // Where the stages followed are on this map: framed anew when they move or first arrive.
  const place = view
    ? layout.columns
        .filter((c) => (view.present ? [view.present] : view.stages).includes(c.stageId))
        .map((c) => c.x)
        .join()
    : '';
  const latest = useRef({ layout, compact, presenting });
  latest.current = { layout, compact, presenting };

  useEffect(() => {
    if (!leading) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let sent = '';
    const send = () => {
      timer = null;
      const { transform, width, height } = store.getState();
      const seen = visibleRect({ x: transform[0], y: transform[1], zoom: transform[2] }, { width, height });
      const next = viewOf(latest.current.layout, seen, latest.current.presenting);
      if (!next.stages.length || keyOf(next) === sent) return;
      sent = keyOf(next);
      void app.liveSessions().then((registry) => registry.showView(journeyId, next));
    };
    send();
    const stop = store.subscribe((next, prev) => {
      if (next.transform !== prev.transform || next.width !== prev.width || next.height !== prev.height)
        timer ??= setTimeout(send, VIEW_EVERY_MS);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
    // A new stage presented (or the map's columns moving) is told at once.
  }, [app, store, journeyId, leading, presenting, layout.columns]);

  /** Where this follower's map was framed last, to tell a scroll within it from a move away. */
  const framed = useRef<Viewport | null>(null);
  useEffect(() => {
    framed.current = null;
    if (!view) return;
    // Following, the map is no longer framed by its own size.
    fitting.current = false;
    const show = (duration: number) => {
      const { width, height } = store.getState();
      const next = frameFollowed(
        latest.current.layout,
        view,
        { width, height },
        {
          compact: latest.current.compact,
          laneHeaderWidth: GRID.laneHeaderWidth,
          stageHeaderHeight: GRID.stageHeaderHeight,
        },
      );
      if (!next) return;
      framed.current = next;
      void flow.setViewport(next, { duration });
    };
    // Present cuts from stage to stage, as on the leader's screen.
    show(view.present || prefersReducedMotion() ? 0 : 120);
    // The follower's own screen changing size (a bar folding, a phone turned) frames the stages anew.
    return store.subscribe((next, prev) => {
      if (next.width !== prev.width || next.height !== prev.height) show(0);
    });
  }, [flow, store, fitting, view, place]);

  const following = useRef<MapView | null>(null);
  following.current = view;
  const userMoved = useCallback(
    (event: unknown, viewport: Viewport) => {
      const followed = following.current;
      if (!event || !followed) return;
      const { width, height } = store.getState();
      const from = framed.current;
      if (from && movesWithin(latest.current.layout, followed, from, viewport, { width, height })) return;
      setFollowing(app.live, journeyId, false);
    },
    [app.live, journeyId, store],
  );
  return { userMoved, present: view?.present ?? null };
}
