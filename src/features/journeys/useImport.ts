import { revertStep } from '../../store/workspace-store';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importJourneyFile, type ImportOutcome, type ImportStep } from './import-file';
import { isSpreadsheet } from './spreadsheet-files';
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
  // Spreadsheets wait for their preview (Import spreadsheet), one after another.
  const [sheets, setSheets] = useState<File[]>([]);

  /** Says what an import added, with Undo; a failure stays on screen. */
  const announce = useCallback(
    (outcome: ImportOutcome, name: string) => {
      if (!outcome.ok) {
        if (outcome.cancelled) app.toasts.show(t('importer.cancelled', { name }));
        else setError({ message: outcome.message, details: outcome.details });
        return;
      }
      setError(null);
      const { entry } = outcome;
      app.toasts.show(
        outcome.journeyIds.length > 0
          ? t('importer.done', { count: outcome.journeyIds.length, name })
          : t('importer.donePersonas', { name }),
        {
          durationMs: UNDO_TOAST_MS,
          screen: JOURNEYS_SCREEN,
          action: { label: t('journeys.undo'), run: () => app.workspace.dispatch(revertStep(entry)) },
        },
      );
    },
    [app, t],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const controller = new AbortController();
      abort.current = controller;
      // A new attempt replaces the last failure's message.
      setError(null);
      try {
        const spreadsheets = files.filter(isSpreadsheet);
        if (spreadsheets.length > 0) setSheets((queued) => [...queued, ...spreadsheets]);
        for (const file of files) {
          if (controller.signal.aborted) break;
          if (isSpreadsheet(file)) continue;
          setRunning({ name: file.name, step: { phase: 'checking' } });
          const outcome = await importJourneyFile(app, file, {
            signal: controller.signal,
            onStep: (step) => setRunning({ name: file.name, step }),
          });
          announce(outcome, file.name);
        }
      } finally {
        abort.current = null;
        setRunning(null);
      }
    },
    [app, announce],
  );

  return {
    sheet: sheets[0] ?? null,
    /** The spreadsheet shown is done with (imported, or closed): the next one, if any. */
    nextSheet: () => setSheets((queued) => queued.slice(1)),
    announce,
    error,
    busy: running !== null,
    running,
    importFiles,
    cancel: () => abort.current?.abort(),
    dismiss: () => setError(null),
  };
}
