import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewOnly } from '../../canvas/use-view-only';
import { run, undoIn } from './editor-actions';
import { startRenaming } from './editor-state';
import { randomId } from '../../domain/ids';
import type { JourneyParts } from '../../domain/queries';
import { addLane, addStage } from '../../domain/stage-commands';
import { LANE_KINDS } from '../../domain/types';
import { useWorkspace, useWorkshop, useApp } from '../../app/app-context';
import { Menu } from '../../ui/Menu';
import { toggleWorkshop } from '../workshop/workshop-state';
import { PresentControls } from '../workshop/PresentControls';
import { VoteControls } from '../workshop/VoteControls';
import { SaveAsTemplate, SaveAsTemplateDialog } from '../templates/SaveAsTemplate';
import { useSlimHead } from './use-slim';
import { ForPersonaDialog } from './ForPersonaDialog';
import { imageOptions as imageOptionsFor, readImageOptions } from './image-options';
import { withExports } from './load-exports';

import { exportJourneyJson } from '../journeys/journey-actions';
import { ShareLiveDialog } from '../live/ShareLiveDialog';
import { useLive } from '../live/use-live';

// Slides bring their layout and writers (and PowerPoint's library) only when asked for.
const SlidesDialog = lazy(() => import('./SlidesDialog'));
const ImageOptionsDialog = lazy(() => import('./ImageOptionsDialog'));

export function EditorToolbar({ parts }: { parts: JourneyParts }) {
  const app = useApp();
  const { t } = useTranslation();
  const journeyId = parts.journey.id;
  // Alone or live, this person's own steps in this journey (never another's change).
  const canUndo = useWorkspace((s) => (s.histories[journeyId]?.past.length ?? 0) > 0);
  const canRedo = useWorkspace((s) => (s.histories[journeyId]?.future.length ?? 0) > 0);
  const present = new Set(parts.lanes.map((l) => l.kind));
  const missing = LANE_KINDS.filter((k) => k === 'notes' || !present.has(k));
  const [forPersona, setForPersona] = useState(false);
  const [imageOptions, setImageOptions] = useState(false);
  const [slides, setSlides] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [templating, setTemplating] = useState(false);
  // A slim header keeps one row: Undo and Redo as symbols, the rarer actions under More.
  const slim = useSlimHead();
  // While the share dialog shows the links, the journey is live and the button gives way to them.
  const live = useLive((s) => !!s.journeys[journeyId]) && !sharing;
  const workshop = useWorkshop((s) => s.on);
  const viewOnly = useViewOnly(journeyId);
  // The image exports use this journey's options as Image options last left them.
  const lastImage = () =>
    imageOptionsFor(
      readImageOptions(app.localShareStorage, journeyId),
      parts.stages,
      app.editor.getState().collapsedLanes,
    );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {/* A viewer's map has no editing control (their copy changes only with the room). */}
      {!viewOnly && (
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              const id = randomId();
              if (run(app, addStage({ id, journeyId, name: t('editor.newStage') })))
                startRenaming(app.editor, 'stage', id);
            }}
          >
            {t('editor.addStage')}
          </button>
          <Menu
            label={t('editor.addLane')}
            trigger={<span>{t('editor.addLane')} ▾</span>}
            items={missing.map((kind) => ({
              label: t(`lane.${kind}`),
              onSelect: () => run(app, addLane({ id: randomId(), journeyId, kind })),
            }))}
          />
          <button
            type="button"
            className={slim ? 'button button--symbol' : 'button'}
            disabled={!canUndo}
            onClick={() => undoIn(app, journeyId)}
            aria-label={slim ? t('editor.undo') : undefined}
            title={slim ? `${t('editor.undo')} (Ctrl+Z)` : 'Ctrl+Z'}
          >
            {slim ? <span aria-hidden="true">↶</span> : t('editor.undo')}
          </button>
          <button
            type="button"
            className={slim ? 'button button--symbol' : 'button'}
            disabled={!canRedo}
            onClick={() => undoIn(app, journeyId, true)}
            aria-label={slim ? t('editor.redo') : undefined}
            title={slim ? `${t('editor.redo')} (Ctrl+Shift+Z)` : 'Ctrl+Shift+Z'}
          >
            {slim ? <span aria-hidden="true">↷</span> : t('editor.redo')}
          </button>
        </>
      )}
      <Menu
        label={t('editor.export')}
        trigger={<span>{t('editor.export')} ▾</span>}
        items={[
          {
            label: t('editor.pngImage'),
            onSelect: () => withExports(app.toasts, (m) => m.exportPng(parts, app.toasts, lastImage())),
          },
          {
            label: t('editor.svgImage'),
            onSelect: () => withExports(app.toasts, (m) => m.exportSvg(parts, lastImage())),
          },
          { label: t('editor.jsonFile'), onSelect: () => void exportJourneyJson(app, journeyId) },
          { label: t('editor.csvFile'), onSelect: () => withExports(app.toasts, (m) => m.exportCsv([parts])) },
          { label: t('editor.imageOptions'), onSelect: () => setImageOptions(true) },
          { label: t('editor.slides'), onSelect: () => setSlides(true) },
        ]}
      />
      {slim ? (
        <Menu
          label={t('slim.moreTools')}
          trigger={<span>{t('slim.more')} ▾</span>}
          items={[
            { label: t('templates.save'), onSelect: () => setTemplating(true) },
            // Not a workshop's action: the workshop's bar leaves it to the usual editor.
            ...(workshop ? [] : [{ label: t('forPersona.menu'), onSelect: () => setForPersona(true) }]),
            { label: t('shortcuts.title'), onSelect: () => app.editor.setState({ shortcutsOpen: true }) },
          ]}
        />
      ) : (
        <SaveAsTemplate journeyId={journeyId} />
      )}
      {/* Not a workshop's action: the slim workshop bar leaves it to the usual editor. */}
      {!workshop && !slim && (
        <button type="button" className="button" onClick={() => setForPersona(true)}>
          {t('forPersona.menu')}
        </button>
      )}
      {!live && (
        <button type="button" className="button" onClick={() => setSharing(true)}>
          {t('live.share')}
        </button>
      )}
      {!slim && (
        <button
          type="button"
          className="button button--icon"
          aria-label={t('shortcuts.title')}
          title={t('shortcuts.title')}
          onClick={() => app.editor.setState({ shortcutsOpen: true })}
        >
          ?
        </button>
      )}
      <button
        type="button"
        className="button"
        aria-pressed={workshop}
        data-shortcut="w"
        aria-keyshortcuts="W"
        onClick={() => toggleWorkshop(app.workshop)}
      >
        {t('editor.workshopMode')}
      </button>
      <PresentControls parts={parts} />
      <VoteControls journeyId={journeyId} />
      {imageOptions && (
        <Suspense fallback={null}>
          <ImageOptionsDialog parts={parts} onClose={() => setImageOptions(false)} />
        </Suspense>
      )}
      {slides && (
        <Suspense fallback={null}>
          <SlidesDialog parts={parts} onClose={() => setSlides(false)} />
        </Suspense>
      )}
      {sharing && <ShareLiveDialog journeyId={journeyId} onClose={() => setSharing(false)} />}
      {templating && <SaveAsTemplateDialog journeyId={journeyId} onClose={() => setTemplating(false)} />}
      {forPersona && <ForPersonaDialog journeyId={journeyId} onClose={() => setForPersona(false)} />}
    </div>
  );
}
