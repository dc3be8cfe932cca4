import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JourneyCanvas } from '../../canvas/JourneyCanvas';
import { openJourney } from './editor-state';
import { useLoadedJourneys } from '../../app/use-loaded-journeys';
import { journeyParts } from '../../domain/queries';
import { useWorkspace, useEditor, useWorkshop, useApp } from '../../app/app-context';
import { CardDetails } from './CardDetails';
import { ConnectionDetails } from './ConnectionDetails';
import { EditorToolbar } from './EditorToolbar';
import { JourneyHeader } from './JourneyHeader';
import { PersonaCard } from './PersonaCard';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useEditorKeys } from './useEditorKeys';
import { WorkshopBar } from '../workshop/WorkshopBar';
import { LiveBar } from '../live/LiveBar';

/** A journey's page: its header (title, persona, scenario), toolbar, map and details panel. */
export default function EditorScreen({ journeyId }: { journeyId: string }) {
  const app = useApp();
  const { t } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  const parts = useMemo(() => journeyParts(doc, journeyId), [doc, journeyId]);
  const panelOpen = useEditor((s) => s.selectedCards.length > 0 || s.selectedConnection !== null);
  useEffect(() => openJourney(app.editor, journeyId), [app.editor, journeyId]);
  useEditorKeys();
  const workshop = useWorkshop((s) => s.on);
  const { state: loadState, retry } = useLoadedJourneys(useMemo(() => [journeyId], [journeyId]));

  if (loadState === 'loading' && doc.journeys[journeyId]) {
    return (
      <div className="screen">
        <p role="status">{t('editor.opening')}</p>
      </div>
    );
  }
  if (loadState === 'failed' && doc.journeys[journeyId]) {
    return (
      <div className="screen">
        <p role="alert">{t('editor.openFailed')}</p>
        <button type="button" className="button" onClick={retry}>
          {t('editor.openRetry')}
        </button>{' '}
        <a href="#/">{t('app.backToJourneys')}</a>
      </div>
    );
  }
  if (!parts) {
    return (
      <div className="screen">
        <p role="alert" aria-label={t('editor.missing')}>
          {t('editor.missing')}
        </p>
        <a href="#/">{t('app.backToJourneys')}</a>
      </div>
    );
  }
  return (
    <div className={workshop ? 'editor editor--workshop' : 'editor'}>
      <div className="editor__head">
        <JourneyHeader parts={parts} />
        {/* In a workshop the map gets the room's attention: the persona is in the title row only. */}
        {!workshop && <PersonaCard persona={parts.persona} />}
        <EditorToolbar parts={parts} />
        <LiveBar journeyId={parts.journey.id} />
        {workshop && <WorkshopBar />}
      </div>
      <ShortcutsDialog />
      <div className={panelOpen ? 'editor__body editor__body--panel' : 'editor__body'}>
        <JourneyCanvas parts={parts} workshop={workshop} />
        {panelOpen && (
          <aside className="editor__panel">
            <CardDetails parts={parts} />
            <ConnectionDetails parts={parts} />
          </aside>
        )}
      </div>
    </div>
  );
}
