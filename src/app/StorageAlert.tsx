import { useTranslation } from 'react-i18next';
import { flushNow, useStorageStatus } from './services';

/** Storage problems stay on screen until a write succeeds: they are never only a console line. */
export function StorageAlert() {
  const { t } = useTranslation();
  const problem = useStorageStatus((s) => s.problem);
  const detail = useStorageStatus((s) => s.detail);
  const message = problem ? t(`storage.${problem}`, { detail }) : '';
  return (
    // Always there, and marked `aria-live`, so that a modal dialog does not hide it (see Toaster).
    <div className="storage-alert" aria-live="off">
      {problem && (
        <div className="banner banner--error" role="alert" aria-label={message}>
          <p>{message}</p>
          {problem === 'newerTab' ? (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('storage.reload')}
            </button>
          ) : problem !== 'unavailable' ? (
            <button type="button" className="button" onClick={() => void flushNow()}>
              {t('storage.retry')}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
