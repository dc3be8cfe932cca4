import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { journeyHref } from '../../app/router';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { NameForm } from './NameForm';
import { linkAccess, type LinkAccess } from './link-access';
import { JoinProgressBar } from './JoinProgressBar';
import type { JoinProgress } from '../../live/join-progress';

/**
 * Opening a live link: what it opens is asked first (an ended or wrong link says so before a name
 * is asked), then a name, then the room's journey is added here and opened.
 */
export default function JoinLiveScreen({ roomId, secret }: { roomId: string; secret: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const [access, setAccess] = useState<LinkAccess | 'checking'>('checking');
  useEffect(() => {
    let current = true;
    void linkAccess(roomId, secret).then((a) => current && setAccess(a));
    return () => {
      current = false;
    };
  }, [roomId, secret]);
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  // The room's journey is fetched while the name is typed (a link known to open a room), so that
  // Join opens a map already here; left without joining, the room is let go.
  const prepare = access === 'edit' || access === 'view';
  useEffect(() => {
    if (!prepare) return;
    let stop: (() => void) | null = null;
    let current = true;
    void app.liveSessions().then((registry) => {
      if (!current) return;
      const stopListening = registry.prepareJoin(roomId, secret, setProgress);
      stop = () => {
        stopListening();
        registry.cancelJoin(roomId, secret);
      };
    });
    return () => {
      current = false;
      stop?.();
    };
  }, [app, prepare, roomId, secret]);
  const join = async (name: string): Promise<string | null> => {
    try {
      const journeyId = await (await app.liveSessions()).join(roomId, secret, name, setProgress);
      // The link's secret leaves the address bar (and the history) once used.
      window.location.replace(journeyHref(journeyId));
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : t('live.joinFailed');
    }
  };
  const leave = (open: boolean) => !open && window.location.replace('#/');

  if (access === 'checking') return <div className="screen" aria-busy="true" />;
  if (access === 'none')
    return (
      <div className="screen">
        <Dialog open onOpenChange={leave} title={t('live.join')} description={t('live.linkGone')}>
          <DialogButtons cancel={t('live.close')} />
        </Dialog>
      </div>
    );
  return (
    <div className="screen">
      <Dialog
        open
        onOpenChange={leave}
        title={t('live.join')}
        description={access === 'view' ? t('live.joinIntroView') : t('live.joinIntro')}
      >
        {progress && <JoinProgressBar progress={progress} />}
        <NameForm submitLabel={t('live.joinButton')} busyLabel={t('live.joining')} onSubmit={join} />
      </Dialog>
    </div>
  );
}
