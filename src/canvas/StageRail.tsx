import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { GRID, type JourneyLayout } from '../domain/layout';
import type { StageRec } from '../domain/types';
import './present.css';

/**
 * Stage names pinned at the top of the map once their headers have scrolled away (a room looking
 * at Pain points still sees which stage is which). A picture of the headers only: the headers
 * themselves, with their buttons, stay on the map, so nothing is there twice for the keyboard or
 * a screen reader.
 */
export const StageRail = memo(function StageRail({
  stages,
  layout,
  present = null,
}: {
  stages: readonly StageRec[];
  layout: JourneyLayout;
  /** During Present, the other stages' names are veiled here too, as their columns are. */
  present?: string | null;
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
            className={
              present && present !== stage.id
                ? 'stage-header stage-rail__header stage-rail__header--veiled'
                : 'stage-header stage-rail__header'
            }
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
