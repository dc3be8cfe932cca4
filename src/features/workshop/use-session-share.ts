import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { localShare, type SessionShare } from '../../app/session-share';
import { i18n } from '../../i18n';
import type { Id } from '../../domain/types';

/**
 * Where a journey's workshop entries (vote, dots, timer) live: the room's document while it is
 * live, else this browser. Null only for the moment a live session's code is loading.
 */
export function useSessionShare(journeyId: Id): SessionShare | null {
  const app = useApp();
  const live = useStore(app.live, (s) => !!s.journeys[journeyId]);
  const [liveShare, setLiveShare] = useState<{ journeyId: Id; share: SessionShare | null } | null>(null);
  useEffect(() => {
    if (!live) return;
    let current = true;
    void app.liveSessions().then((registry) => {
      if (current) setLiveShare({ journeyId, share: registry.sessionShare(journeyId) });
    });
    return () => {
      current = false;
    };
  }, [app, live, journeyId]);
  if (!live) {
    let share = app.localShares.get(journeyId);
    if (!share) {
      share = localShare(journeyId, app.localShareStorage, () =>
        app.toasts.show(i18n.t('vote.notKept'), { tone: 'error', durationMs: 10_000 }),
      );
      app.localShares.set(journeyId, share);
    }
    return share;
  }
  return liveShare?.journeyId === journeyId ? liveShare.share : null;
}
