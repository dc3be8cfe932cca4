import { useTranslation } from 'react-i18next';
import { RoomClock } from '../workshop/RoomClock';
import { useApp } from '../../app/app-context';
import type { Id } from '../../domain/types';
import { useLiveJourney } from './use-live';
import { setFollowing } from '../../live/live-state';
import { useEffect, useState } from 'react';
import { ShareLiveDialog } from './ShareLiveDialog';
import { PersonActions, RoleMark } from './PersonActions';
import { People } from './People';
import { useSlimHead } from '../editor/use-slim';

/** In the header of a live journey: the connection, who is here, and end or leave. */
export function LiveBar({ journeyId, compact = false }: { journeyId: Id; compact?: boolean }) {
  const { t } = useTranslation();
  const app = useApp();
  const live = useLiveJourney(journeyId);
  const isLive = !!live;
  const [inviting, setInviting] = useState(false);
  const slim = useSlimHead();
  // The others see which card this participant has selected.
  useEffect(() => {
    if (!isLive) return;
    let last: string | null = null;
    const tell = () => {
      const { journeyId: open, selectedCards } = app.editor.getState();
      const selected = open === journeyId ? (selectedCards[0] ?? null) : null;
      if (selected === last) return;
      last = selected;
      void app.liveSessions().then((registry) => registry.select(journeyId, selected));
    };
    tell();
    return app.editor.subscribe(tell);
  }, [app, isLive, journeyId]);
  if (!live) return null;
  const status =
    live.status === 'connected'
      ? t('live.connected')
      : live.status === 'connecting'
        ? t('live.connecting')
        : live.waiting > 0
          ? t('live.offline', { count: live.waiting })
          : t('live.offlineNone');
  const host = live.role !== 'guest';
  const end = async () => {
    const registry = await app.liveSessions();
    if (host) {
      // Ending sends everyone away at once: asked first.
      const ok = await app.confirms.ask({
        title: t('live.endConfirmTitle'),
        message: t('live.endConfirmMessage'),
        confirmLabel: t('live.endForEveryone'),
        cancelLabel: t('live.cancel'),
      });
      if (!ok) return;
      await registry.end(journeyId);
      app.toasts.show(t('live.endedByYou'));
    } else {
      registry.leave(journeyId);
      app.toasts.show(t('live.left'));
    }
  };
  return (
    <div className={compact ? 'live-bar live-bar--compact' : 'live-bar'}>
      <span role="status" aria-label={t('live.status')} className={`live-bar__status live-bar__status--${live.status}`}>
        {status}
      </span>
      {live.access === 'view' && (
        <span role="status" aria-label={t('live.viewOnlyBadge')} className="live-bar__badge">
          {t('live.viewOnlyBadge')}
        </span>
      )}
      <RoomClock journeyId={journeyId} />
      <People
        people={live.participants}
        faces={compact ? 3 : 4}
        actions={(p) => <PersonActions journeyId={journeyId} person={p} />}
        mark={(p) => <RoleMark journeyId={journeyId} person={p} />}
      />
      {/* A facilitator leads from a larger screen; a phone's one-line header keeps to the essentials. */}
      {host && live.editLink && (
        <button type="button" className="button" onClick={() => setInviting(true)}>
          {t('live.invite')}
        </button>
      )}
      {inviting && <ShareLiveDialog journeyId={journeyId} onClose={() => setInviting(false)} />}
      {host && live.access !== 'view' && !compact && (
        <button
          type="button"
          className="button"
          aria-pressed={live.leading}
          title={t('live.followMeHint')}
          onClick={() => void app.liveSessions().then((r) => r.lead(journeyId, !live.leading, null))}
        >
          {t('live.followMe')}
        </button>
      )}
      {live.leader && !live.leading && (
        <span className="live-bar__follow">
          {!live.followOff && <span>{t('live.following', { name: live.leader.name })}</span>}
          <button type="button" className="button" onClick={() => setFollowing(app.live, journeyId, live.followOff)}>
            {live.followOff ? t('live.followAgain', { name: live.leader.name }) : t('live.stopFollowing')}
          </button>
        </span>
      )}
      <button
        type="button"
        className="button"
        aria-label={host ? t('live.end') : t('live.leave')}
        onClick={() => void end()}
      >
        {compact || slim ? t(host ? 'phone.end' : 'phone.leave') : t(host ? 'live.end' : 'live.leave')}
      </button>
    </div>
  );
}
