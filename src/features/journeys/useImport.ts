import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../ui/toast-store';
import { importJourneyFile } from './import-file';

export interface ImportError {
  message: string;
  details: string[];
}

/** Imports files one after another and keeps the last failure on screen until dismissed. */
export function useImport() {
  const { t } = useTranslation();
  const [error, setError] = useState<ImportError | null>(null);
  const [busy, setBusy] = useState(false);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      setBusy(true);
      // A new attempt replaces the last failure's message.
      setError(null);
      try {
        for (const file of files) {
          const outcome = await importJourneyFile(file);
          if (!outcome.ok) {
            setError({ message: outcome.message, details: outcome.details });
            continue;
          }
          setError(null);
          showToast(
            outcome.journeyIds.length > 0
              ? t('importer.done', { count: outcome.journeyIds.length, name: file.name })
              : t('importer.donePersonas', { name: file.name }),
          );
        }
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { error, busy, importFiles, dismiss: () => setError(null) };
}
