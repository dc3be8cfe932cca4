import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { journeyHref } from '../../app/router';
import { Dialog } from '../../ui/Dialog';
import { NameForm } from './NameForm';

/** Opening a live link: a name, then the room's journey is added here and opened. */
export default function JoinLiveScreen({ roomId, secret }: { roomId: string; secret: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const join = async (name: string): Promise<string | null> => {
    try {
      const journeyId = await (await app.liveSessions()).join(roomId, secret, name);
      // The link's secret leaves the address bar (and the history) once used.
      window.location.replace(journeyHref(journeyId));
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : t('live.joinFailed');
    }
  };

  return (
    <div className="screen">
      <Dialog
        open
        onOpenChange={(o) => !o && window.location.replace('#/')}
        title={t('live.join')}
        description={t('live.joinIntro')}
      >
        <NameForm submitLabel={t('live.joinButton')} busyLabel={t('live.joining')} onSubmit={join} />
      </Dialog>
    </div>
  );
}
