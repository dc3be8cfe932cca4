import { memo } from 'react';
import { addCardTo } from '../../features/editor/editor-actions';
import type { CellData } from '../flow-model';
import { useApp } from '../../app/app-context';
import { useViewOnly } from '../use-view-only';

/** The space of one stage × lane: its add button, and a double-click on empty space adds a card. */
export const Cell = memo(function Cell({ data }: { data: CellData }) {
  const app = useApp();
  const { journeyId, stageId, laneId, addLabel, hiddenLabel, cardCount, collapsed, box } = data;
  const style = { left: box.x, top: box.y, width: box.width, height: box.height };
  const viewOnly = useViewOnly(journeyId);
  if (collapsed || viewOnly) {
    return (
      <div className={collapsed ? 'cell cell--collapsed' : 'cell'} style={style}>
        {collapsed && cardCount > 0 && <span className="cell__hidden">{hiddenLabel}</span>}
      </div>
    );
  }
  return (
    <div
      className="cell"
      style={style}
      onDoubleClick={(e) => {
        if (e.target === e.currentTarget) addCardTo(app, journeyId, stageId, laneId);
      }}
    >
      <button
        type="button"
        className="cell__add nodrag nopan"
        aria-label={addLabel}
        // Lines pasted while it has the focus become cards in this cell (see useEditorKeys).
        data-stage={stageId}
        data-lane={laneId}
        onClick={() => addCardTo(app, journeyId, stageId, laneId)}
      >
        ＋
      </button>
    </div>
  );
});
