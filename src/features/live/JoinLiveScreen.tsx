import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { journeyHref } from '../../app/router';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { rememberedName, rememberName } from './your-name';

/** Opening a live link: a name, then the room's journey is added here and opened. */
export default function JoinLiveScreen({ roomId, secret }: { roomId: string; secret: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const [name, setName] = useState(rememberedName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('live.nameRequired'));
    rememberName(name.trim());
    setBusy(true);
    try {
      const journeyId = await (await app.liveSessions()).join(roomId, secret, name.trim());
      // The link's secret leaves the address bar (and the history) once used.
      window.location.replace(journeyHref(journeyId));
    } catch (err) {
      setError(err instanceof Error ? err.message : t('live.joinFailed'));
      setBusy(false);
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
        <form className="form" onSubmit={(e) => void join(e)} noValidate>
          <TextField
            label={t('live.yourName')}
            value={name}
            autoFocus
            maxLength={100}
            error={error}
            onChange={(v) => {
              setName(v);
              setError(null);
            }}
          />
          <div className="dialog__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('live.joining') : t('live.joinButton')}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
