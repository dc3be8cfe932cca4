import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewOnly } from '../../canvas/use-view-only';
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
import { CaptureBar } from '../workshop/CaptureBar';
import { OfflineLossNotices } from '../live/OfflineLossNotices';
import { LiveBar } from '../live/LiveBar';
import { PhoneBar } from './PhoneBar';
import { useCompact } from './use-compact';
import { useSlimHead } from './use-slim';
import './slim-head.css';
import { clearSelection } from './editor-state';
import { useVoteBoard } from '../workshop/use-vote-board';
import { VoteResults } from '../workshop/VoteResults';
import { ParkingLot } from '../workshop/ParkingLot';
import { placeIdea } from '../workshop/parking-lot';
import { useSessionShare } from '../workshop/use-session-share';
import { ChangeAnnouncer } from './ChangeAnnouncer';

/** A journey's page: its header (title, persona, scenario), toolbar, map and details panel. */
export default function EditorScreen({ journeyId }: { journeyId: string }) {
  const app = useApp();
  const { t } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  const parts = useMemo(() => journeyParts(doc, journeyId), [doc, journeyId]);
  const panelOpen = useEditor((s) => s.selectedCards.length > 0 || s.selectedConnection !== null);
  useEffect(() => openJourney(app.editor, journeyId), [app.editor, journeyId]);
  useEditorKeys();
  const share = useSessionShare(journeyId);
  useVoteBoard(share, parts);
  const workshop = useWorkshop((s) => s.on);
  const viewOnly = useViewOnly(journeyId);
  const { state: loadState, retry } = useLoadedJourneys(useMemo(() => [journeyId], [journeyId]));
  const compact = useCompact();
  const slim = useSlimHead();
  // On a tablet the persona, state and scenario wait behind a button: the map gets the screen.
  const [details, setDetails] = useState(false);
  // On a phone, Card details is a sheet over the map, opened from the bottom bar (or by a new card).
  const [sheet, setSheet] = useState(false);
  const wantsTitle = useEditor((s) => s.focusTitle !== null);
  useEffect(() => {
    if (wantsTitle) setSheet(true);
  }, [wantsTitle]);
  useEffect(() => {
    if (!panelOpen) setSheet(false);
  }, [panelOpen]);
  // A selected card or connection that went (another tab, another participant) is no longer selected.
  useEffect(() => {
    const { selectedCards, selectedConnection } = app.editor.getState();
    const gone =
      selectedCards.some((id) => !doc.cards[id]) || (selectedConnection && !doc.connections[selectedConnection]);
    if (gone)
      app.editor.setState({ selectedCards: selectedCards.filter((id) => doc.cards[id]), selectedConnection: null });
  }, [app.editor, doc]);

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
  if (compact) {
    return (
      <div className="editor editor--compact">
        <div className="editor__head">
          <h1 className="editor__title" dir="auto" title={parts.journey.title}>
            {parts.journey.title}
          </h1>
          <LiveBar journeyId={parts.journey.id} compact />
        </div>
        <div className="editor__body">
          <JourneyCanvas parts={parts} compact />
          <VoteResults journeyId={parts.journey.id} />
          <OfflineLossNotices journeyId={parts.journey.id} />
          {sheet && panelOpen && (
            <aside className="editor__panel editor__panel--sheet">
              <button type="button" className="button editor__sheet-done" onClick={() => clearSelection(app.editor)}>
                {t('phone.done')}
              </button>
              <CardDetails parts={parts} />
              <ConnectionDetails parts={parts} />
            </aside>
          )}
        </div>
        <PhoneBar parts={parts} onEdit={() => setSheet(true)} />
        <ChangeAnnouncer journeyId={parts.journey.id} />
      </div>
    );
  }
  const head = slim ? (
    // Rows that never wrap: the title and the room; the tools; in a workshop, the timer, the view and Quick capture.
    <div className="editor__head slim-head">
      <div className="slim-head__row slim-head__row--lead">
        <JourneyHeader parts={parts} />
        {!workshop && (
          <button
            type="button"
            className="button button--symbol slim-head__details"
            aria-expanded={details}
            aria-label={t('slim.details')}
            title={t('slim.details')}
            onClick={() => setDetails(!details)}
          >
            <span aria-hidden="true">ⓘ</span>
          </button>
        )}
        <LiveBar journeyId={parts.journey.id} />
      </div>
      {details && !workshop && <PersonaCard persona={parts.persona} />}
      <div className="slim-head__row">
        <EditorToolbar parts={parts} />
      </div>
      {workshop && (
        <div className="slim-head__row">
          <WorkshopBar journeyId={parts.journey.id} part="timer" />
          <WorkshopBar journeyId={parts.journey.id} part="view" />
          {!viewOnly && <CaptureBar parts={parts} />}
        </div>
      )}
    </div>
  ) : (
    <div className="editor__head">
      <div className="editor__lead">
        <JourneyHeader parts={parts} />
        <LiveBar journeyId={parts.journey.id} />
      </div>
      <PersonaCard persona={parts.persona} />
      <EditorToolbar parts={parts} />
    </div>
  );
  const classes = [
    'editor',
    workshop && 'editor--workshop',
    slim && 'editor--slim',
    slim && details && 'editor--details',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {head}
      <ShortcutsDialog />
      <ChangeAnnouncer journeyId={parts.journey.id} />
      <div className={panelOpen ? 'editor__body editor__body--panel' : 'editor__body'}>
        <JourneyCanvas
          parts={parts}
          workshop={workshop}
          onDropIdea={
            workshop && share ? (ideaId, cell) => placeIdea(app, share, parts.journey.id, ideaId, cell) : undefined
          }
        />
        <VoteResults journeyId={parts.journey.id} />
        <OfflineLossNotices journeyId={parts.journey.id} />
        {workshop && share && <ParkingLot parts={parts} share={share} />}
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
