import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function ScreenError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <div role="alert" className="screen-error">
        <p>
          <strong>{t('app.screenFailed')}</strong> {t('app.workIsSafe')}
        </p>
        <p className="screen-error__detail">{error.message}</p>
      </div>
      <p className="screen-error__actions">
        <a className="button" href="#/">
          {t('app.backToJourneys')}
        </a>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </p>
    </div>
  );
}

/**
 * A screen that fails to draw (a chunk that cannot be fetched, a bug) shows what happened in
 * place of itself, instead of taking the whole app down: the records are in memory and in
 * IndexedDB either way, and a reload flushes what is pending.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? <ScreenError error={this.state.error} /> : this.props.children;
  }
}
