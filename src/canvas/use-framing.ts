import { useReactFlow, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Id } from '../domain/types';
import { FRAME_MARGIN, frameMap, framesWholeMap, MAX_ZOOM, MIN_ZOOM, type PartStart } from './framing';
import { useEditor } from '../app/app-context';

/** React Flow's fit with the margins of `frameMap`. */
const FIT_PADDING = {
  top: `${FRAME_MARGIN.top}px`,
  bottom: `${FRAME_MARGIN.bottom}px`,
  left: `${FRAME_MARGIN.left}px`,
  right: `${FRAME_MARGIN.right}px`,
} as const;

/**
 * Fit mode: until the user pans or zooms, the map stays framed as it grows or the canvas is
 * resized (the details panel opens); Fit View turns it on again and shows the whole map, also in
 * workshop mode, where the map is otherwise framed at full size.
 */
export function useFitMode(layout: { width: number; height: number }, readableZoom: number, partFrom?: PartStart) {
  const flow = useReactFlow();
  const fitting = useRef(true);
  const wholeMap = useRef(false);
  // Refitting during a drag would move the map under the pointer; it waits for the drop.
  const dragging = useRef(false);
  const latest = useRef({ layout, readableZoom, partFrom });
  latest.current = { layout, readableZoom, partFrom };
  const minZoom = () => (wholeMap.current ? MIN_ZOOM : latest.current.readableZoom);
  /** Sets the frame at once, in the same frame as whatever resized the canvas. */
  const frameNow = useCallback(() => {
    const el = document.querySelector('.canvas__inner');
    if (!el || !fitting.current || dragging.current) return;
    const { width, height } = el.getBoundingClientRect();
    const next = frameMap(latest.current.layout, { width, height }, minZoom(), latest.current.partFrom);
    const now = flow.getViewport();
    if (Math.abs(now.x - next.x) < 0.5 && Math.abs(now.y - next.y) < 0.5 && Math.abs(now.zoom - next.zoom) < 1e-4)
      return;
    void flow.setViewport(next);
  }, [flow]);
  const measured = useRef(false);
  const fit = useCallback(() => {
    if (!fitting.current || dragging.current) return;
    // Once the nodes are measured, the frame is set at once: React Flow's fit lands a frame later.
    if (measured.current) return frameNow();
    // React Flow's fit first: on a map just drawn it waits for the nodes to be measured, and a
    // viewport set at once instead made a 1,000-card map appear about 90 ms later. It centres a
    // map too big to fit, so the frame is then set from the top-left (`frameMap`).
    void flow.fitView({ padding: FIT_PADDING, minZoom: minZoom(), maxZoom: MAX_ZOOM }).then(() => {
      measured.current = true;
      frameNow();
    });
  }, [flow, frameNow]);
  useEffect(fit, [fit, layout.width, layout.height]);
  // Entering or leaving workshop mode (or a phone turned) frames the map anew.
  const firstMode = useRef(true);
  useEffect(() => {
    if (firstMode.current) {
      firstMode.current = false;
      return;
    }
    fitting.current = true;
    wholeMap.current = false;
    fit();
  }, [readableZoom, fit]);
  useEffect(() => {
    const el = document.querySelector('.canvas__inner');
    if (!el) return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit]);
  const startedAt = useRef<Viewport | null>(null);
  // The same handlers from render to render: React Flow copies them into its store, and new ones
  // on each render made every keystroke update a store a thousand nodes listen to.
  return useMemo(
    () => ({
      fitting,
      frameNow,
      /** While framed, whether every card is in view (in workshop mode a large map shows only its top-left). */
      showsWholeMap: (canvas: { width: number; height: number }) =>
        fitting.current && framesWholeMap(latest.current.layout, canvas, minZoom()),
      onDragStart: () => {
        dragging.current = true;
      },
      onDragEnd: () => {
        dragging.current = false;
        requestAnimationFrame(fit);
      },
      onMoveStart: (_event: unknown, viewport: Viewport) => {
        startedAt.current = viewport;
      },
      onMoveEnd: (event: unknown, viewport: Viewport) => {
        // Only a person's gesture has an event, and a click on a button is a gesture that moved nothing.
        const from = startedAt.current;
        const moved = !from || from.x !== viewport.x || from.y !== viewport.y || from.zoom !== viewport.zoom;
        if (event && moved) fitting.current = false;
      },
      /** Back to the mode's own frame (after Present, say), kept until the user pans or zooms. */
      reframe: () => {
        fitting.current = true;
        wholeMap.current = false;
        fit();
      },
      /** Fit View: the whole map, kept framed until the user pans or zooms. */
      fitWholeMap: () => {
        fitting.current = true;
        wholeMap.current = true;
        fit();
      },
    }),
    [fit, frameNow],
  );
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Keeps the card a person works on in view: the selected card (after it was added, pasted or moved
 * off screen) and a card reached with Tab, which would otherwise get focus out of sight. The map
 * pans, at the same zoom. A framed map that shows every card is left to its frame: Card details
 * opening narrows the canvas for a moment before the map is framed anew.
 */
export function useRevealCard(
  boxes: Record<Id, Box>,
  fit: { fitting: { current: boolean }; showsWholeMap: (canvas: { width: number; height: number }) => boolean },
) {
  const flow = useReactFlow();
  const latest = useRef({ boxes, fit });
  latest.current = { boxes, fit };
  const reveal = useCallback(
    (id: Id) => {
      const box = latest.current.boxes[id];
      const el = document.querySelector('.react-flow');
      if (!box || !el) return;
      const { width, height } = el.getBoundingClientRect();
      if (latest.current.fit.showsWholeMap({ width, height })) return;
      const { x, y, zoom } = flow.getViewport();
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      if (left >= 0 && top >= 0 && left + box.width * zoom <= width && top + box.height * zoom <= height) return;
      // Panned to a card, the map is no longer framed: a later resize must not pull the card away.
      latest.current.fit.fitting.current = false;
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom });
    },
    [flow],
  );
  const selected = useEditor((s) => (s.selectedCards.length === 1 ? s.selectedCards[0]! : null));
  // Only when the selection changes, not on every edit of the card.
  useEffect(() => {
    if (selected) reveal(selected);
  }, [selected, reveal]);
  return reveal;
}
