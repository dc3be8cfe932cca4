import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonaRec } from '../../domain/types';
import { useWorkspace, useApp } from '../../app/app-context';
import { Avatar } from '../../ui/Avatar';
import { Menu } from '../../ui/Menu';
import { confirmDeletePersona, duplicatePersonaWithToast } from './persona-actions';
import { PersonaForm } from './PersonaForm';

/** The persona library: who the journeys are about. */
export default function PersonasScreen() {
  const app = useApp();
  const { t } = useTranslation();
  const personas = useWorkspace((s) => s.doc.personas);
  const journeys = useWorkspace((s) => s.doc.journeys);
  const [editing, setEditing] = useState<PersonaRec | 'new' | null>(null);
  const list = useMemo(() => Object.values(personas).sort((a, b) => a.name.localeCompare(b.name)), [personas]);
  const uses = useMemo(() => {
    const m = new Map<string, number>();
    for (const j of Object.values(journeys)) if (j.personaId) m.set(j.personaId, (m.get(j.personaId) ?? 0) + 1);
    return m;
  }, [journeys]);

  return (
    <div className="screen">
      <div className="screen__head">
        <h1>{t('personas.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('personas.new')}
        </button>
      </div>
      {list.length === 0 ? (
        <p className="empty">{t('personas.empty')}</p>
      ) : (
        <ul className="journey-list">
          {list.map((p) => (
            <li key={p.id} className="journey-row">
              <Avatar persona={p} size={44} />
              <div className="journey-row__main">
                <button
                  type="button"
                  id={`persona-${p.id}`}
                  className="link-button journey-row__title"
                  dir="auto"
                  onClick={() => setEditing(p)}
                >
                  {p.name}
                </button>
                <div className="journey-row__meta">
                  {p.role && <span className="journey-row__persona">{p.role}</span>}
                  <span>{t('personas.usedBy', { count: uses.get(p.id) ?? 0 })}</span>
                </div>
              </div>
              <Menu
                label={t('personas.moreActions')}
                describedBy={`persona-${p.id}`}
                trigger={<span aria-hidden="true">⋯</span>}
                items={[
                  { label: t('personas.edit'), onSelect: () => setEditing(p) },
                  { label: t('personas.duplicate'), onSelect: () => duplicatePersonaWithToast(app, p.id) },
                  { label: t('personas.delete'), danger: true, onSelect: () => void confirmDeletePersona(app, p.id) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {editing && <PersonaForm persona={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
