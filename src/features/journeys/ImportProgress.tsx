import { useTranslation } from 'react-i18next';
import type { ImportRun } from './useImport';

/** How far an import is, with Cancel: nothing of the file is listed before all of it is stored. */
export function ImportProgressBar({ run, onCancel }: { run: ImportRun; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { step } = run;
  const text =
    step.phase === 'checking'
      ? t('importer.checking', { name: run.name })
      : t('importer.saving', {
          name: run.name,
          done: step.done.toLocaleString(i18n.language),
          total: step.total.toLocaleString(i18n.language),
        });
  return (
    <div className="banner import-progress" role="status" aria-label={text}>
      <p>{text}</p>
      <progress
        aria-label={t('importer.progress')}
        max={step.phase === 'saving' ? step.total || 1 : undefined}
        value={step.phase === 'saving' ? step.done : undefined}
      />
      <button type="button" className="button" onClick={onCancel}>
        {t('importer.cancel')}
      </button>
    </div>
  );
}
