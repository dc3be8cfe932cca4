import { useTranslation } from 'react-i18next';
import { exportWorkspace } from '../features/journeys/journey-actions';
import { useApp, useStorageStatus } from './app-context';

/**
 * Storage problems stay on screen until a write succeeds: they are never only a console line.
 * While changes cannot be saved, a backup of everything in this tab is one click away.
 */
export function StorageAlert() {
  const { t } = useTranslation();
  const app = useApp();
  const problem = useStorageStatus((s) => s.problem);
  const detail = useStorageStatus((s) => s.detail);
  const phase = useStorageStatus((s) => s.phase);
  const lost = useStorageStatus((s) => s.lost);
  // While the workspace cannot be opened, the screen itself says so (see OpenFailedScreen).
  if (phase === 'failed') return <div className="storage-alert" aria-live="off" />;
  const message = problem ? t(`storage.${problem}`, { detail }) : '';
  const unsaved =
    problem === 'quota' ||
    problem === 'writeFailed' ||
    problem === 'clash' ||
    problem === 'blocked' ||
    problem === 'newerTab';
  return (
    // Always there, and marked `aria-live`, so that a modal dialog does not hide it (see Toaster).
    <div className="storage-alert" aria-live="off">
      {problem && (
        <div className="banner banner--error" role="alert" aria-label={message}>
          <p>{message}</p>
          {unsaved && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void exportWorkspace(app, { backup: true })}
            >
              {t('storage.downloadBackup')}
            </button>
          )}
          {problem === 'clash' ? (
            <button type="button" className="button" onClick={() => app.status.setState({ problem: null, detail: '' })}>
              {t('storage.dismiss')}
            </button>
          ) : problem === 'newerTab' ? (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('storage.reload')}
            </button>
          ) : problem !== 'unavailable' ? (
            <button type="button" className="button" onClick={() => void app.flush()}>
              {t('storage.retry')}
            </button>
          ) : null}
        </div>
      )}
      {lost.length > 0 && <LostAlert titles={lost} />}
    </div>
  );
}

/** Journeys the browser threw away and this tab could not write back: said until dismissed. */
function LostAlert({ titles }: { titles: string[] }) {
  const { t, i18n } = useTranslation();
  const { status } = useApp();
  const message = t('storage.lost', { titles: new Intl.ListFormat(i18n.language).format(titles) });
  return (
    <div className="banner banner--error" role="alert" aria-label={message}>
      <p>{message}</p>
      <button type="button" className="button" onClick={() => status.setState({ lost: [] })}>
        {t('storage.dismiss')}
      </button>
    </div>
  );
}

/** A workspace that exists but cannot be opened: said, tried again, never replaced by the demo. */
export function OpenFailedScreen() {
  const { t } = useTranslation();
  const { status } = useApp();
  const problem = useStorageStatus((s) => s.problem);
  const detail = useStorageStatus((s) => s.detail);
  const message = problem === 'quota' ? t('storage.quotaOpen') : t('storage.openFailed', { detail });
  return (
    <div className="screen">
      <h1>{t('storage.openFailedTitle')}</h1>
      <div className="banner banner--error" role="alert" aria-label={message}>
        <p>{message}</p>
        <button
          type="button"
          className="button"
          onClick={() => status.setState((s) => ({ openAttempt: s.openAttempt + 1 }))}
        >
          {t('storage.tryAgain')}
        </button>
      </div>
    </div>
  );
}
