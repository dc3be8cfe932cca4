import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

/**
 * The browser scrolls the map's box to bring a focused or clicked control into view (a vote's
 * button, a cell's ＋ reached some other way than Tab), and React Flow undoes any scroll of its
 * box at once, which left the control out of sight and a click aimed at it landing elsewhere.
 * Heard first (capture, on the box's parent), such a scroll becomes a pan of the map by as much,
 * so the control is where the browser meant it to be.
 */
export function useScrollToPan(container: RefObject<HTMLElement | null>): void {
  const flow = useReactFlow();
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onScroll = (e: Event) => {
      const box = e.target as HTMLElement;
      if (!box.classList?.contains('react-flow')) return;
      const { scrollLeft, scrollTop } = box;
      if (scrollLeft === 0 && scrollTop === 0) return;
      const { x, y, zoom } = flow.getViewport();
      void flow.setViewport({ x: x - scrollLeft, y: y - scrollTop, zoom });
    };
    el.addEventListener('scroll', onScroll, true);
    return () => el.removeEventListener('scroll', onScroll, true);
  }, [container, flow]);
}
