import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStorageStatus } from '../../app/app-context';
import { formatBytes, formatRelativeTime } from '../../i18n/format';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { DisplaySettings } from './DisplaySettings';

/** Language and theme, where the data lives and whether the browser may evict it. Loaded only when opened. */
export default function SettingsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const { t } = useTranslation();
  const persistent = useStorageStatus((s) => s.persistent);
  const phase = useStorageStatus((s) => s.phase);
  const lastSavedAt = useStorageStatus((s) => s.lastSavedAt);
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);

  useEffect(() => {
    void navigator.storage?.estimate?.().then(setEstimate, () => setEstimate(null));
  }, []);

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('settings.title')}>
      <DisplaySettings />
      <section className="settings-section">
        <h3>{t('settings.storage')}</h3>
        {phase === 'memoryOnly' ? (
          <p>{t('settings.memoryOnly')}</p>
        ) : (
          <p data-testid="persistence">
            {persistent === null
              ? t('settings.unknownPersistence')
              : persistent
                ? t('settings.persistent')
                : t('settings.notPersistent')}
          </p>
        )}
        {estimate?.quota ? (
          <p>{t('settings.usage', { used: formatBytes(estimate.usage ?? 0), quota: formatBytes(estimate.quota) })}</p>
        ) : null}
        {lastSavedAt ? <p>{t('settings.lastSaved', { time: formatRelativeTime(lastSavedAt) })}</p> : null}
      </section>
      <DialogButtons cancel={t('settings.close')} />
    </Dialog>
  );
}
