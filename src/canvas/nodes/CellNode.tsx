import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { addCardTo } from '../editor-actions';
import type { CellNode as CellNodeType } from '../flow-model';

/** The space of one stage × lane: its add button, and a double-click on empty space adds a card. */
export const CellNode = memo(function CellNode({ data }: NodeProps<CellNodeType>) {
  const { t } = useTranslation();
  const { journeyId, stageId, laneId, stageName, laneTitle, cardCount, collapsed } = data;
  if (collapsed) {
    return <div className="cell cell--collapsed">{cardCount > 0 && <span className="cell__hidden">{t('editor.hiddenCards', { count: cardCount })}</span>}</div>;
  }
  return (
    <div
      className="cell"
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
