import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { run } from '../../canvas/editor-actions';
import { editorState, startRenaming } from '../../canvas/editor-state';
import { randomId } from '../../domain/ids';
import type { JourneyParts } from '../../domain/queries';
import { addLane, addStage } from '../../domain/stage-commands';
import { LANE_KINDS } from '../../domain/types';
import { useWorkspace, workspace } from '../../store';
import { Menu } from '../../ui/Menu';
import { toggleWorkshop, useWorkshop } from '../workshop/workshop-state';
import { ForPersonaDialog } from './ForPersonaDialog';
import { ImageOptionsDialog } from './ImageOptionsDialog';
import { withExports } from './load-exports';

import { exportJourneyJson } from '../journeys/journey-actions';

export function EditorToolbar({ parts }: { parts: JourneyParts }) {
  const { t } = useTranslation();
  const journeyId = parts.journey.id;
  const canUndo = useWorkspace((s) => (s.histories[journeyId]?.past.length ?? 0) > 0);
  const canRedo = useWorkspace((s) => (s.histories[journeyId]?.future.length ?? 0) > 0);
  const present = new Set(parts.lanes.map((l) => l.kind));
  const missing = LANE_KINDS.filter((k) => k === 'notes' || !present.has(k));
  const [forPersona, setForPersona] = useState(false);
  const [imageOptions, setImageOptions] = useState(false);
  const workshop = useWorkshop((s) => s.on);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <button
        type="button"
        className="button"
        onClick={() => {
          const id = randomId();
          if (run(addStage({ id, journeyId, name: t('editor.newStage') }))) startRenaming('stage', id);
        }}
      >
        {t('editor.addStage')}
      </button>
      <Menu
        label={t('editor.addLane')}
        trigger={<span>{t('editor.addLane')} ▾</span>}
        items={missing.map((kind) => ({
          label: t(`lane.${kind}`),
          onSelect: () => run(addLane({ id: randomId(), journeyId, kind })),
        }))}
      />
      <button
        type="button"
        className="button"
        disabled={!canUndo}
        onClick={() => workspace.undo(journeyId)}
        title="Ctrl+Z"
      >
        {t('editor.undo')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!canRedo}
        onClick={() => workspace.redo(journeyId)}
        title="Ctrl+Shift+Z"
      >
        {t('editor.redo')}
      </button>
      <Menu
        label={t('editor.export')}
        trigger={<span>{t('editor.export')} ▾</span>}
        items={[
          { label: t('editor.pngImage'), onSelect: () => withExports((m) => m.exportPng(journeyId)) },
          { label: t('editor.svgImage'), onSelect: () => withExports((m) => m.exportSvg(journeyId)) },
          { label: t('editor.jsonFile'), onSelect: () => void exportJourneyJson(journeyId) },
          { label: t('editor.csvFile'), onSelect: () => withExports((m) => m.exportCsv([journeyId])) },
          { label: t('editor.imageOptions'), onSelect: () => setImageOptions(true) },
        ]}
      />
      <button type="button" className="button" onClick={() => setForPersona(true)}>
        {t('forPersona.menu')}
      </button>
      <button
        type="button"
        className="button button--icon"
        aria-label={t('shortcuts.title')}
        title={t('shortcuts.title')}
        onClick={() => editorState.setState({ shortcutsOpen: true })}
      >
        ?
      </button>
      <button type="button" className="button" aria-pressed={workshop} onClick={toggleWorkshop}>
        {t('editor.workshopMode')}
      </button>
      {imageOptions && <ImageOptionsDialog parts={parts} onClose={() => setImageOptions(false)} />}
      {forPersona && <ForPersonaDialog journeyId={journeyId} onClose={() => setForPersona(false)} />}
    </div>
  );
}
