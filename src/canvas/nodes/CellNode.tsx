import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { addCardTo } from '../editor-actions';
import type { CellData } from '../flow-model';

/** The space of one stage × lane: its add button, and a double-click on empty space adds a card. */
export const Cell = memo(function Cell({ data }: { data: CellData }) {
  const { t } = useTranslation();
  const { journeyId, stageId, laneId, stageName, laneTitle, cardCount, collapsed, box } = data;
  const style = { left: box.x, top: box.y, width: box.width, height: box.height };
  if (collapsed) {
    return <div className="cell cell--collapsed" style={style}>{cardCount > 0 && <span className="cell__hidden">{t('editor.hiddenCards', { count: cardCount })}</span>}</div>;
  }
  return (
    <div
      className="cell"
      style={style}
      onDoubleClick={(e) => {
        if (e.target === e.currentTarget) addCardTo(journeyId, stageId, laneId);
      }}
    >
      <button
        type="button"
        className="cell__add nodrag nopan"
        aria-label={t('editor.addCardTo', { lane: laneTitle, stage: stageName })}
        title={t('editor.addCardTo', { lane: laneTitle, stage: stageName })}
        onClick={() => addCardTo(journeyId, stageId, laneId)}
      >
        ＋
      </button>
    </div>
  );
});
