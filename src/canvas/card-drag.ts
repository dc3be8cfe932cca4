import { useStoreApi } from '@xyflow/react';
import {
  createContext,
  useCallback,
  useContext,
  useRef,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import { useApp } from '../app/app-context';
import type { Id } from '../domain/types';
import { run } from '../features/editor/editor-actions';
import { selectCards } from '../features/editor/editor-state';
import { startCardDrag, type DragSource } from './drag-session';

export type { DragSource } from './drag-session';

/** Starts watching a press on a card for a drag; cards get it from the canvas without re-rendering. */
export const CardDragContext = createContext<(event: ReactPointerEvent<HTMLElement>, cardId: Id) => void>(() => {});
export const useBeginCardDrag = () => useContext(CardDragContext);

/**
 * Dragging cards without React Flow's node drag. React Flow moves a node by updating its store on
 * every pointer move, and every node, minimap node and edge of the map checks that store: on a map
 * of a thousand cards that made a move cost twice what it costs with fifty. The drag itself is a
 * session that knows nothing of React (drag-session.ts); this hook only connects it to the
 * viewport, the editor's selection and the command runner.
 */
export function useCardDrag(
  read: () => DragSource,
  layer: RefObject<HTMLDivElement | null>,
  hooks: { onStart: () => void; onEnd: () => void },
) {
  const app = useApp();
  const store = useStoreApi();
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;

  return useCallback(
    (down: ReactPointerEvent<HTMLElement>, cardId: Id) => {
      if (!layer.current) return;
      startCardDrag(down, cardId, {
        read,
        layer: layer.current,
        transform: () => store.getState().transform,
        panBy: (step) => void store.getState().panBy(step),
        selected: () => app.editor.getState().selectedCards,
        select: (ids) => selectCards(app.editor, ids),
        showTarget: (target) => app.drop.setState({ target }),
        drop: (command) => void run(app, command),
        onStart: () => hooksRef.current.onStart(),
        onEnd: () => hooksRef.current.onEnd(),
      });
    },
    [app, store, read, layer],
  );
}
