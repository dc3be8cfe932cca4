import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from '../../app/commands';
import { createJourney } from '../../domain/journey-commands';
import { randomId } from '../../domain/ids';
import { TEMPLATES, findTemplate } from '../../domain/templates';
import { journeyHref, navigate } from '../../app/router';
import { useWorkspace, useApp } from '../../app/app-context';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';

export function NewJourneyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const app = useApp();
  const { t } = useTranslation();
  const personasById = useWorkspace((s) => s.doc.personas);
  const personas = useMemo(
    () => Object.values(personasById).sort((a, b) => a.name.localeCompare(b.name)),
    [personasById],
  );
  const [title, setTitle] = useState('');
  const [personaId, setPersonaId] = useState('');
  const [templateId, setTemplateId] = useState('blank');
  const [error, setError] = useState<string | null>(null);
  const ids = { persona: useId(), template: useId() };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const template = findTemplate(templateId);
    const id = randomId();
    const result = runCommand(
      app,
      createJourney({
        id,
        title,
        personaId: personaId || null,
        stageNames: template.stageKeys.map((k) => t(`stage.${k}`)),
        laneKinds: template.lanes,
      }),
    );
    if (!result.ok) return setError(result.message);
    onOpenChange(false);
    navigate(journeyHref(id));
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('newJourney.title')}>
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          label={t('newJourney.fieldTitle')}
          value={title}
          autoFocus
          error={error}
          onChange={(v) => {
            setTitle(v);
            setError(null);
          }}
        />
        <label htmlFor={ids.persona}>{t('newJourney.persona')}</label>
        <select id={ids.persona} className="input" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
          <option value="">{t('newJourney.noPersona')}</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.template}>{t('newJourney.template')}</label>
        <select id={ids.template} className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          {TEMPLATES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {t(`newJourney.templates.${tpl.id}`)}
            </option>
          ))}
        </select>
        <DialogButtons cancel={t('newJourney.cancel')} submit={t('newJourney.create')} />
      </form>
    </Dialog>
  );
}
