import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { runCommand } from '../../app/commands';
import { createJourney } from '../../domain/journey-commands';
import { randomId } from '../../domain/ids';
import type { FileDocument } from '../../domain/format/schema';
import type { Command } from '../../domain/command';
import { TEMPLATES, findTemplate } from '../../domain/templates';
import { CONTENT_TEMPLATES } from '../../templates/content-ids';
import { journeyHref, navigate } from '../../app/router';
import { useWorkspace, useApp } from '../../app/app-context';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { loadTemplates } from '../templates/template-store';

const CONTENT = 'content:';
const SAVED = 'saved:';

export default function NewJourneyDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const app = useApp();
  const { t, i18n } = useTranslation();
  const personasById = useWorkspace((s) => s.doc.personas);
  const personas = useMemo(
    () => Object.values(personasById).sort((a, b) => a.name.localeCompare(b.name)),
    [personasById],
  );
  const saved = useStore(app.templates, (s) => s.list);
  useEffect(() => {
    void loadTemplates(app).catch(() => undefined);
  }, [app]);
  const [title, setTitle] = useState('');
  // The title a template's choice filled in: replaced by the next choice, unless the user typed one.
  const [filled, setFilled] = useState('');
  const [personaId, setPersonaId] = useState('');
  const [templateId, setTemplateId] = useState('blank');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { persona: useId(), template: useId() };

  /**
   * The command a content or saved template's journey is made by; null for an empty frame. The
   * files and their checking load only now: the Journeys screen starts without them.
   */
  const fromTemplate = async (id: string): Promise<Command | null> => {
    if (!templateId.startsWith(CONTENT) && !templateId.startsWith(SAVED)) return null;
    const [{ journeyFromTemplate }, { parseJourneyFile }, { isContentTemplate, loadContentTemplate }] =
      await Promise.all([
        import('../../domain/template-journey'),
        import('../../domain/format/parse'),
        import('../../templates/catalogue'),
      ]);
    let file: FileDocument | null = null;
    if (templateId.startsWith(CONTENT)) {
      const name = templateId.slice(CONTENT.length);
      if (isContentTemplate(name)) file = await loadContentTemplate(name, i18n.language);
    } else {
      const rec = saved?.find((r) => SAVED + r.id === templateId);
      const parsed = rec ? parseJourneyFile(rec.file) : null;
      if (parsed?.ok) file = parsed.doc;
    }
    if (!file) throw new Error('unreadable template');
    return journeyFromTemplate(file, { id, title, personaId: personaId || null });
  };

  /** The name a template is listed under, which a journey made from it starts with. */
  const templateName = (id: string): string =>
    id.startsWith(SAVED)
      ? (saved?.find((r) => SAVED + r.id === id)?.name ?? '')
      : t(`newJourney.templates.${id.startsWith(CONTENT) ? id.slice(CONTENT.length) : id}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const id = randomId();
    let made: Command | null;
    setBusy(true);
    try {
      made = await fromTemplate(id);
    } catch {
      setError(t('newJourney.loadFailed'));
      return;
    } finally {
      setBusy(false);
    }
    const template = findTemplate(templateId);
    const result = runCommand(
      app,
      made ??
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
      <form onSubmit={(e) => void submit(e)} className="form" noValidate aria-busy={busy}>
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
        <select
          id={ids.template}
          className="input"
          value={templateId}
          onChange={(e) => {
            const id = e.target.value;
            setTemplateId(id);
            setError(null);
            if (title.trim() === '' || title === filled) {
              const name = id === 'blank' ? '' : templateName(id);
              setTitle(name);
              setFilled(name);
            }
          }}
        >
          <optgroup label={t('newJourney.structural')}>
            {TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {t(`newJourney.templates.${tpl.id}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('newJourney.examples')}>
            {CONTENT_TEMPLATES.map((id) => (
              <option key={id} value={CONTENT + id}>
                {t(`newJourney.templates.${id}`)}
              </option>
            ))}
          </optgroup>
          {saved && saved.length > 0 && (
            <optgroup label={t('newJourney.saved')}>
              {saved.map((rec) => (
                <option key={rec.id} value={SAVED + rec.id}>
                  {rec.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <DialogButtons cancel={t('newJourney.cancel')} submit={t('newJourney.create')} />
      </form>
    </Dialog>
  );
}
