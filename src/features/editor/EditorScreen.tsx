import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JourneyCanvas } from '../../canvas/JourneyCanvas';
import { openJourney, useEditor } from '../../canvas/editor-state';
import { journeyParts } from '../../domain/queries';
import { useWorkspace } from '../../store';
import { CardDetails } from './CardDetails';
import { ConnectionDetails } from './ConnectionDetails';
import { EditorToolbar } from './EditorToolbar';
import { JourneyHeader } from './JourneyHeader';
import { PersonaCard } from './PersonaCard';
import { useEditorKeys } from './useEditorKeys';

/** A journey's page: its header (title, persona, scenario), toolbar, map and details panel. */
export default function EditorScreen({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  const parts = useMemo(() => journeyParts(doc, journeyId), [doc, journeyId]);
  const panelOpen = useEditor((s) => s.selectedCards.length > 0 || s.selectedConnection !== null);
  useEffect(() => openJourney(journeyId), [journeyId]);
  useEditorKeys();

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
    <div className="editor">
      <div className="editor__head">
        <JourneyHeader parts={parts} />
        <PersonaCard persona={parts.persona} />
        <EditorToolbar parts={parts} />
      </div>
      <div className={panelOpen ? 'editor__body editor__body--panel' : 'editor__body'}>
        <JourneyCanvas parts={parts} />
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
