import { LIMITS } from '../../domain/types';
import type { NodeProps } from '@xyflow/react';
import { useViewOnly } from '../use-view-only';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { randomId } from '../../domain/ids';
import { addStage, deleteStage, moveStage, renameStage } from '../../domain/stage-commands';
import { i18n } from '../../i18n';
import { InlineText } from '../../ui/InlineText';
import { run } from '../../features/editor/editor-actions';
import { startRenaming } from '../../features/editor/editor-state';
import type { StageNode } from '../flow-model';
import { useEditor, useApp } from '../../app/app-context';
import { type App } from '../../app/create-app';

async function confirmDeleteStage(app: App, id: string, name: string, cardCount: number) {
  const t = i18n.t;
  const ok = await app.confirms.ask({
    title: t('editor.deleteStageTitle', { name }),
    message: t('editor.deleteStageMessage', { name, count: cardCount }),
    confirmLabel: t('editor.deleteStageConfirm'),
    cancelLabel: t('editor.cancel'),
  });
  if (ok) run(app, deleteStage(id));
}

export const StageHeaderNode = memo(function StageHeaderNode({ data }: NodeProps<StageNode>) {
  const app = useApp();
  const { t } = useTranslation();
  const { stage, index, count, cardCount } = data;
  const renaming = useEditor((s) => s.renaming?.kind === 'stage' && s.renaming.id === stage.id);
  const name = stage.name;
  const viewOnly = useViewOnly(stage.journeyId);
  return (
    <div role="group" aria-label={t('editor.stage', { name })} className="stage-header">
      {!viewOnly && (
        <span className="stage-header__grip" title={t('editor.dragStage')} aria-hidden="true">
          ⠿
        </span>
      )}
      <span className="stage-header__index" aria-hidden="true">
        {index + 1}
      </span>
      {renaming ? (
        <InlineText
          value={name}
          label={t('editor.stageName')}
          maxLength={LIMITS.nameLength}
          onCommit={(text) => {
            if (!text.trim()) app.toasts.show(t('editor.stageNameRequired', { name }));
            else if (text.trim() !== name) run(app, renameStage(stage.id, text));
            startRenaming(app.editor, 'stage', null);
          }}
          onCancel={() => startRenaming(app.editor, 'stage', null)}
        />
      ) : (
        <span
          className="stage-header__name"
          dir="auto"
          title={name}
          onDoubleClick={() => !viewOnly && startRenaming(app.editor, 'stage', stage.id)}
        >
          {name}
        </span>
      )}
      {!viewOnly && (
        <span className="stage-header__tools nodrag nopan">
          <button
            type="button"
            className="icon-button"
            aria-label={t('editor.renameStage', { name })}
            onClick={() => startRenaming(app.editor, 'stage', stage.id)}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('editor.moveStageLeft', { name })}
            disabled={index === 0}
            onClick={() => run(app, moveStage(stage.id, index - 1))}
          >
            ◀
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('editor.moveStageRight', { name })}
            disabled={index === count - 1}
            onClick={() => run(app, moveStage(stage.id, index + 1))}
          >
            ▶
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('editor.addStageAfter', { name })}
            onClick={() => {
              const id = randomId();
              const journeyId = app.editor.getState().journeyId;
              if (
                journeyId &&
                run(app, addStage({ id, journeyId, name: t('editor.newStage'), afterStageId: stage.id }))
              )
                startRenaming(app.editor, 'stage', id);
            }}
          >
            ＋
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('editor.deleteStage', { name })}
            disabled={count <= 1}
            onClick={() => void confirmDeleteStage(app, stage.id, name, cardCount)}
          >
            🗑
          </button>
        </span>
      )}
    </div>
  );
});
