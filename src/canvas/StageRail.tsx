import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { GRID, type JourneyLayout } from '../domain/layout';
import type { StageRec } from '../domain/types';

/**
 * Stage names pinned at the top of the map once their headers have scrolled away (a room looking
 * at Pain points still sees which stage is which). A picture of the headers only: the headers
 * themselves, with their buttons, stay on the map, so nothing is there twice for the keyboard or
 * a screen reader.
 */
export const StageRail = memo(function StageRail({
  stages,
  layout,
}: {
  stages: readonly StageRec[];
  layout: JourneyLayout;
}) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  if (ty >= 0) return null;
  return (
    <div
      className="stage-rail"
      aria-hidden="true"
      style={{ transform: `translate(${tx}px, 0px) scale(${zoom})`, width: layout.width }}
    >
      {stages.map((stage, i) => {
        const column = layout.columns[i];
        if (!column) return null;
        return (
          <div
            key={stage.id}
            className="stage-header stage-rail__header"
            style={{ left: column.x, width: column.width, height: GRID.stageHeaderHeight }}
          >
            <span className="stage-header__index">{i + 1}</span>
            <span className="stage-header__name" dir="auto">
              {stage.name}
            </span>
          </div>
        );
      })}
    </div>
  );
});
