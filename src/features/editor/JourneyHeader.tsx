import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewOnly } from '../../canvas/use-view-only';
import { run } from './editor-actions';
import { updateJourney } from '../../domain/journey-commands';
import type { JourneyParts } from '../../domain/queries';
import { setJourneyState } from '../../domain/future-state';
import { JOURNEY_STATES, LIMITS, type JourneyState } from '../../domain/types';
import { compareHref, planHref } from '../../app/router';
import { createFutureStateOf } from '../journeys/journey-actions';
import { useWorkspace, useApp } from '../../app/app-context';
import { useSlimHead } from './use-slim';
import { InlineText } from '../../ui/InlineText';

/** The journey's title, persona and scenario, each editable where it stands. */
export function JourneyHeader({ parts }: { parts: JourneyParts }) {
  const app = useApp();
  const { t } = useTranslation();
  const { journey } = parts;
  const viewOnly = useViewOnly(journey.id);
  const [editing, setEditing] = useState<'title' | 'scenario' | null>(null);
  const personasById = useWorkspace((s) => s.doc.personas);
  const personas = useMemo(
    () => Object.values(personasById).sort((a, b) => a.name.localeCompare(b.name)),
    [personasById],
  );
  const personaId = useId();
  const stateId = useId();
  const current = useWorkspace((s) => (journey.currentStateId ? s.doc.journeys[journey.currentStateId] : undefined));
  // A slim header (a workshop, a tablet) stands in for the app's bar, which steps aside.
  const slim = useSlimHead();
  return (
    <div className="editor__titles">
      {editing === 'title' ? (
        <InlineText
          value={journey.title}
          label={t('editor.journeyTitle')}
          maxLength={LIMITS.titleLength}
          onCommit={(text) => {
            if (!text.trim()) app.toasts.show(t('editor.titleRequired', { title: journey.title }));
            else if (text.trim() !== journey.title) run(app, updateJourney(journey.id, { title: text }));
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="editor__title-row">
          {slim && (
            // The app's bar is hidden: the way back stays at hand.
            <a className="editor__back" href="#/">
              {t('app.nav.journeys')}
            </a>
          )}
          <h1
            className="editor__title"
            dir="auto"
            title={journey.title}
            onDoubleClick={() => !viewOnly && setEditing('title')}
          >
            {journey.title}
          </h1>
          {!viewOnly && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('editor.renameJourney')}
              onClick={() => setEditing('title')}
            >
              ✎
            </button>
          )}
        </div>
      )}
      <div className="editor__meta">
        <span className="editor__field">
          <label htmlFor={personaId}>{t('editor.persona')}</label>
          <select
            id={personaId}
            className="input input--inline"
            disabled={viewOnly}
            value={journey.personaId ?? ''}
            onChange={(e) => run(app, updateJourney(journey.id, { personaId: e.target.value || null }))}
          >
            <option value="">{t('journeys.noPersona')}</option>
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </span>
        <span className="editor__field">
          <label htmlFor={stateId}>{t('editor.stateLabel')}</label>
          <select
            id={stateId}
            className="input input--inline"
            disabled={viewOnly}
            value={journey.state ?? 'current'}
            onChange={(e) => run(app, setJourneyState(journey.id, e.target.value as JourneyState))}
          >
            {JOURNEY_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`editor.state.${state}`)}
              </option>
            ))}
          </select>
        </span>
        {current ? (
          <a className="link-button" href={compareHref([current.id, journey.id])}>
            {t('editor.compareWithCurrent')}
          </a>
        ) : (
          (journey.state ?? 'current') === 'current' && (
            <button type="button" className="link-button" onClick={() => void createFutureStateOf(app, journey.id)}>
              {t('editor.createFuture')}
            </button>
          )
        )}
        <a className="link-button" href={planHref(journey.id)}>
          {t('editor.actionPlan')}
        </a>
      </div>
      {editing === 'scenario' ? (
        <InlineText
          multiline
          value={journey.scenario ?? ''}
          label={t('editor.scenario')}
          maxLength={LIMITS.scenarioLength}
          onCommit={(text) => {
            if (text !== (journey.scenario ?? '')) run(app, updateJourney(journey.id, { scenario: text }));
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p className="editor__scenario">
          <strong>{t('editor.scenario')}:</strong>{' '}
          {journey.scenario ? <bdi>{journey.scenario}</bdi> : <em>{t('editor.noScenario')}</em>}{' '}
          <button type="button" className="link-button" onClick={() => setEditing('scenario')}>
            {t('editor.editScenario')}
          </button>
        </p>
      )}
    </div>
  );
}
