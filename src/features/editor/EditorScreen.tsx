import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JourneyCanvas } from '../../canvas/JourneyCanvas';
import { journeyParts } from '../../domain/queries';
import { useWorkspace } from '../../store';
import { Menu } from '../../ui/Menu';
import { exportJourneyJson } from '../journeys/journey-actions';
import { PersonaCard } from './PersonaCard';

/** A journey's page: its header (title, persona, scenario), toolbar and map. */
export default function EditorScreen({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  const parts = useMemo(() => journeyParts(doc, journeyId), [doc, journeyId]);

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
  const { journey, persona } = parts;
  return (
    <div className="editor">
      <div className="editor__head">
        <div className="editor__titles">
          <h1 className="editor__title">{journey.title}</h1>
          <p className="editor__state">{t(`editor.state.${journey.state ?? 'current'}`)}</p>
          {journey.scenario && (
            <p className="editor__scenario">
              <strong>{t('editor.scenario')}:</strong> {journey.scenario}
            </p>
          )}
        </div>
        <PersonaCard persona={persona} />
        <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
          <Menu
            label={t('editor.export')}
            trigger={<span>{t('editor.export')} ▾</span>}
            items={[{ label: t('editor.jsonFile'), onSelect: () => exportJourneyJson(journey.id) }]}
          />
        </div>
      </div>
      <JourneyCanvas parts={parts} />
    </div>
  );
}
