import { useTranslation } from 'react-i18next';
import type { PersonaRec } from '../../domain/types';
import { Avatar } from '../../ui/Avatar';

/** One line per list, cut with an ellipsis on screen; the whole list is in the tooltip. */
function ListLine({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  const text = items.join(' · ');
  return (
    <div className="persona-card__line" title={text}>
      <strong>{label}:</strong> {text}
    </div>
  );
}

/** Who this journey belongs to: avatar, name, role, quote, goals and frustrations. */
export function PersonaCard({ persona }: { persona: PersonaRec | null }) {
  const { t } = useTranslation();
  if (!persona) {
    return (
      <section className="persona-card persona-card--empty" aria-label={t('editor.persona')}>
        <Avatar persona={null} size={48} />
        <span>{t('journeys.noPersona')}</span>
      </section>
    );
  }
  return (
    <section className="persona-card" aria-label={t('editor.persona')} style={{ borderColor: persona.color }}>
      <Avatar persona={persona} size={56} />
      <div className="persona-card__body">
        <div className="persona-card__name" dir="auto">
          {persona.name}
        </div>
        {persona.role && (
          <div className="persona-card__role" dir="auto">
            {persona.role}
          </div>
        )}
        {persona.quote && (
          <blockquote className="persona-card__quote" dir="auto">
            “{persona.quote}”
          </blockquote>
        )}
        <ListLine label={t('editor.goals')} items={persona.goals} />
        <ListLine label={t('editor.frustrations')} items={persona.frustrations} />
      </div>
    </section>
  );
}
