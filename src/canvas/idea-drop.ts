import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { hitCell, type JourneyLayout } from '../domain/layout';
import type { CardRec, Id } from '../domain/types';

/** What a parked idea carries when dragged: its id, under a type of our own. */
export const IDEA_TYPE = 'application/x-journey-canvas-idea';

export type DropIdea = (ideaId: string, cell: { stageId: Id; laneId: Id; index: number }) => void;

/**
 * The map as a drop target for ideas dragged from the parking lot: the cell under the pointer,
 * and the place among its cards, take the idea.
 */
export function useIdeaDrop(layout: JourneyLayout, cards: readonly CardRec[], onDropIdea: DropIdea | undefined) {
  const { screenToFlowPosition } = useReactFlow();
  if (!onDropIdea) return {};
  const carries = (e: DragEvent) => Array.from(e.dataTransfer.types).includes(IDEA_TYPE);
  return {
    onDragOver: (e: DragEvent) => {
      if (!carries(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    onDrop: (e: DragEvent) => {
      if (!carries(e)) return;
      e.preventDefault();
      const ideaId = e.dataTransfer.getData(IDEA_TYPE);
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const hit = hitCell(layout, at.x, at.y, (stageId, laneId) =>
        cards
          .filter((c) => c.stageId === stageId && c.laneId === laneId)
          .map((c) => layout.cards[c.id])
          .filter((b) => b !== undefined),
      );
      if (ideaId && hit) onDropIdea(ideaId, hit);
    },
  };
}
