import { useStore } from 'zustand';
import { useApp } from '../app/app-context';

/** Where the dragged cards will land: a line between cards, or the spot of an emotion point. */
export function DropIndicator() {
  const target = useStore(useApp().drop, (s) => s.target);
  if (!target) return null;
  const { x, y, width, height } = target.indicator;
  return (
    <div
      className={target.score !== undefined ? 'drop-indicator drop-indicator--point' : 'drop-indicator'}
      style={{ transform: `translate(${x}px, ${y}px)`, width, height }}
    />
  );
}
