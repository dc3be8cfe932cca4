import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { Id } from '../../domain/types';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { useLiveJourney } from './use-live';
import { NameForm } from './NameForm';
import { QrCode } from './QrCode';

function LinkField({ label, copyLabel, value }: { label: string; copyLabel: string; value: string }) {
  const { t } = useTranslation();
  const { toasts } = useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toasts.show(t('live.copied'));
    } catch {
      toasts.show(t('live.copyFailed'), { tone: 'error' });
    }
  };
  return (
    <div className="live-link">
      <TextField label={label} value={value} readOnly onFocus={(e) => e.target.select()} onChange={() => undefined} />
      <button type="button" className="button" onClick={() => void copy()}>
        {copyLabel}
      </button>
    </div>
  );
}

/** Share live: a name, then a room; the dialog then shows the edit and view links to hand out. */
export function ShareLiveDialog({ journeyId, onClose }: { journeyId: Id; onClose: () => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const live = useLiveJourney(journeyId);
  const start = async (name: string): Promise<string | null> => {
    try {
      await (await app.liveSessions()).share(journeyId, name);
      return null;
    } catch (err) {
      return t('live.startFailed', { detail: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('live.share')} description={t('live.intro')}>
      {live?.editLink && live.viewLink ? (
        <div className="form">
          <LinkField label={t('live.editLink')} copyLabel={t('live.copyEdit')} value={live.editLink} />
          <LinkField label={t('live.viewLink')} copyLabel={t('live.copyView')} value={live.viewLink} />
          <QrCode text={live.editLink} label={t('live.qr')} />
          <DialogButtons cancel={t('live.close')} />
        </div>
      ) : (
        <NameForm submitLabel={t('live.start')} busyLabel={t('live.starting')} onSubmit={start} />
      )}
    </Dialog>
  );
}
