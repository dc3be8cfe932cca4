import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { useApp } from '../../app/app-context';
import { showRect, visibleRect } from '../../canvas/framing';
import type { Id } from '../../domain/types';
import { setFollowing } from '../../live/live-state';
import { useLive } from './use-live';
import { prefersReducedMotion } from '../../ui/reduced-motion';

/** How often a leader's view goes out while they pan or zoom. */
const VIEW_EVERY_MS = 60;

/**
 * Follow in a live session, on the map: a leader tells the others what part of the map they see;
 * a follower's map shows that part, whole, on their own screen. A follower's own pan or zoom stops
 * following (they can follow again from the header). Returns what the canvas calls when the user
 * moved the map.
 */
export function useFollowView(journeyId: Id, fitting: { current: boolean }): (event: unknown) => void {
  const app = useApp();
  const flow = useReactFlow();
  const store = useStoreApi();
  const leading = useLive((s) => s.journeys[journeyId]?.leading ?? false);
  const view = useLive((s) => {
    const live = s.journeys[journeyId];
    return live && !live.followOff && live.leader ? live.leader.view : null;
  });

  useEffect(() => {
    if (!leading) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      const { transform, width, height } = store.getState();
      const seen = visibleRect({ x: transform[0], y: transform[1], zoom: transform[2] }, { width, height });
      void app.liveSessions().then((registry) => registry.showView(journeyId, seen));
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
  }, [app, store, journeyId, leading]);

  useEffect(() => {
    if (!view) return;
    // Following, the map is no longer framed by its own size.
    fitting.current = false;
    const show = (duration: number) => {
      const { width, height } = store.getState();
      void flow.setViewport(showRect(view, { width, height }), { duration });
    };
    show(prefersReducedMotion() ? 0 : 120);
    // The follower's own screen changing size (a bar folding, a phone turned) shows the same part anew.
    return store.subscribe((next, prev) => {
      if (next.width !== prev.width || next.height !== prev.height) show(0);
    });
  }, [flow, store, fitting, view]);

  const following = useRef(false);
  following.current = view !== null;
  return useCallback(
    (event: unknown) => {
      if (event && following.current) setFollowing(app.live, journeyId, false);
    },
    [app.live, journeyId],
  );
}
