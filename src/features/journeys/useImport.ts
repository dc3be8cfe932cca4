import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importJourneyFile, type ImportStep } from './import-file';
import { JOURNEYS_SCREEN, UNDO_TOAST_MS } from './journey-actions';
import { useApp } from '../../app/app-context';

export interface ImportError {
  message: string;
  details: string[];
}

export interface ImportRun {
  name: string;
  step: ImportStep;
}

/**
 * Imports files one after another and keeps the last failure on screen until dismissed. While a
 * file is checked and stored, `running` says how far it is, and `cancel` stops it with nothing
 * added.
 */
export function useImport() {
  const app = useApp();
  const { t } = useTranslation();
  const [error, setError] = useState<ImportError | null>(null);
  const [running, setRunning] = useState<ImportRun | null>(null);
  const abort = useRef<AbortController | null>(null);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const controller = new AbortController();
      abort.current = controller;
      // A new attempt replaces the last failure's message.
      setError(null);
      try {
        for (const file of files) {
          if (controller.signal.aborted) break;
          setRunning({ name: file.name, step: { phase: 'checking' } });
          const outcome = await importJourneyFile(app, file, {
            signal: controller.signal,
            onStep: (step) => setRunning({ name: file.name, step }),
          });
          if (!outcome.ok) {
            if (outcome.cancelled) app.toasts.show(t('importer.cancelled', { name: file.name }));
            else setError({ message: outcome.message, details: outcome.details });
            continue;
          }
          setError(null);
          const { entry } = outcome;
          app.toasts.show(
            outcome.journeyIds.length > 0
              ? t('importer.done', { count: outcome.journeyIds.length, name: file.name })
              : t('importer.donePersonas', { name: file.name }),
            {
              durationMs: UNDO_TOAST_MS,
              screen: JOURNEYS_SCREEN,
              action: { label: t('journeys.undo'), run: () => app.workspace.revert(entry) },
            },
          );
        }
      } finally {
        abort.current = null;
        setRunning(null);
      }
    },
    [app, t],
  );

  return {
    error,
    busy: running !== null,
    running,
    importFiles,
    cancel: () => abort.current?.abort(),
    dismiss: () => setError(null),
  };
}
