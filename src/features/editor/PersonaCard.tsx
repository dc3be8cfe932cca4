import { useTranslation } from 'react-i18next';
import type { PersonaRec } from '../../domain/types';
import { Avatar } from '../../ui/Avatar';

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
        <div className="persona-card__name">{persona.name}</div>
        {persona.role && <div className="persona-card__role">{persona.role}</div>}
        {persona.quote && <blockquote className="persona-card__quote">“{persona.quote}”</blockquote>}
        <div className="persona-card__lists">
          {persona.goals.length > 0 && (
            <div>
              <strong>{t('editor.goals')}</strong>
              <ul>
                {persona.goals.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
            </div>
          )}
          {persona.frustrations.length > 0 && (
            <div>
              <strong>{t('editor.frustrations')}</strong>
              <ul>
                {persona.frustrations.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
