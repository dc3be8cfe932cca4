import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { Id } from '../../domain/types';
import type { RoleChange } from '../../live/role-messages';
import type { ParticipantView } from '../../live/roll-call';
import { Menu, type MenuItem } from '../../ui/Menu';
import { useLiveJourney } from './use-live';
import './PersonActions.css';

/** Beside a person in a live session's lists: whether they run the session, as everyone sees it. */
export function RoleMark({ journeyId, person }: { journeyId: Id; person: ParticipantView }) {
  const { t } = useTranslation();
  const live = useLiveJourney(journeyId);
  // One's own presence comes back unstamped: one's role is what the server last granted here.
  const role = person.me ? (live?.role === 'guest' ? null : live?.role) : person.role;
  const mark = role === 'host' ? t('roles.facilitator') : role === 'cohost' ? t('roles.coFacilitator') : null;
  // Drawn by CSS (a word, or a star on a face): the list's items keep the person's name as their text.
  return mark ? (
    <span role="img" aria-label={mark} title={mark} data-label={mark} data-role={role} className="person-role" />
  ) : null;
}

/**
 * For the facilitator, beside a connected participant who edits: what they can make of them (the
 * facilitator in their place, a co-facilitator, or a participant again).
 */
export function PersonActions({ journeyId, person }: { journeyId: Id; person: ParticipantView }) {
  const { t } = useTranslation();
  const app = useApp();
  const live = useLiveJourney(journeyId);
  const manages =
    live?.role === 'host' &&
    live.status === 'connected' &&
    person.connected &&
    !person.me &&
    (person.role === 'edit' || person.role === 'cohost');

  const change = (to: RoleChange) =>
    void app.liveSessions().then((registry) => registry.changeRole(journeyId, person.clientId, to));
  const handOver = async () => {
    // The giver loses the room's controls at once: asked first.
    const ok = await app.confirms.ask({
      title: t('roles.confirmTitle', { name: person.name }),
      message: t('roles.confirmMessage', { name: person.name }),
      confirmLabel: t('roles.confirm'),
      cancelLabel: t('roles.cancel'),
    });
    if (ok) change('hand-over');
  };
  const items: MenuItem[] = manages
    ? [
        { label: t('roles.handOver'), onSelect: () => void handOver() },
        person.role === 'cohost'
          ? { label: t('roles.removeCo'), onSelect: () => change('participant') }
          : { label: t('roles.makeCo'), onSelect: () => change('co-facilitator') },
      ]
    : [];

  if (!manages) return null;
  return (
    <span className="person-actions">
      <Menu
        label={t('roles.options', { name: person.name })}
        trigger={
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <circle cx="3" cy="8" r="1.6" />
            <circle cx="8" cy="8" r="1.6" />
            <circle cx="13" cy="8" r="1.6" />
          </svg>
        }
        items={items}
      />
    </span>
  );
}
