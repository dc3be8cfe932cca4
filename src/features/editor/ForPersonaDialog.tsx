import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyHref, navigate } from '../../app/router';
import { randomId } from '../../domain/ids';
import { duplicateJourney, SHARED_KINDS } from '../../domain/journey-commands';
import { titleForPersona } from '../../domain/persona-title';
import { LIMITS, type Id } from '../../domain/types';
import { useWorkspace, useApp } from '../../app/app-context';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { runOrToast } from '../../app/commands';

/** Makes the same journey for another persona, keeping what does not depend on who lives it. */
export function ForPersonaDialog({ journeyId, onClose }: { journeyId: Id; onClose: () => void }) {
  const app = useApp();
  const { t } = useTranslation();
  const personasById = useWorkspace((s) => s.doc.personas);
  const journey = useWorkspace((s) => s.doc.journeys[journeyId]);
  const personas = useMemo(
    () =>
      Object.values(personasById)
        .filter((p) => p.id !== journey?.personaId)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [personasById, journey?.personaId],
  );
  const [personaId, setPersonaId] = useState(personas[0]?.id ?? '');
  const [copyAll, setCopyAll] = useState(false);
  const ids = { persona: useId(), all: useId() };
  if (!journey) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const persona = personasById[personaId];
    if (!persona) return;
    const id = randomId();
    const oldName = journey.personaId ? personasById[journey.personaId]?.name : undefined;
    const title = titleForPersona(
      journey.title,
      oldName,
      persona.name,
      (title) => t('forPersona.titleFor', { title, persona: persona.name }),
      LIMITS.titleLength,
    );
    const result = runOrToast(
      app,
      duplicateJourney(journeyId, id, title, { personaId, only: copyAll ? undefined : SHARED_KINDS }),
    );
    if (!result.ok) return;
    app.toasts.show(t('forPersona.created', { persona: persona.name }));
    onClose();
    navigate(journeyHref(id));
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('forPersona.title')}
      description={t('forPersona.explain')}
    >
      <form className="form" onSubmit={submit}>
        <label htmlFor={ids.persona}>{t('forPersona.persona')}</label>
        <select
          id={ids.persona}
          className="input"
          value={personaId}
          onChange={(e) => setPersonaId(e.target.value)}
          required
        >
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input id={ids.all} type="checkbox" checked={copyAll} onChange={(e) => setCopyAll(e.target.checked)} />
          {t('forPersona.copyAll')}
        </label>
        <DialogButtons cancel={t('forPersona.cancel')} submit={t('forPersona.create')} />
      </form>
    </Dialog>
  );
}
