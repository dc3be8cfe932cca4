import { useTranslation } from 'react-i18next';
import type { ImportError } from './useImport';

export function ImportAlert({ error, onDismiss }: { error: ImportError; onDismiss: () => void }) {
  const { t } = useTranslation();
  const text = [error.message, ...error.details].join('\n');
  return (
    <div className="banner banner--error" role="alert" aria-label={text}>
      <div>
        <p className="banner__title">{error.message}</p>
        <ul className="banner__list">
          {error.details.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button--ghost" onClick={onDismiss}>
        {t('importer.dismiss')}
      </button>
    </div>
  );
}
