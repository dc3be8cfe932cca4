import {
  lazy,
  startTransition,
  Suspense,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useState,
  type DragEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { journeySummaries, matchesFilter } from '../../domain/queries';
import { JOURNEY_STATES, type JourneyState } from '../../domain/types';
import { useWorkspace, useApp } from '../../app/app-context';
import { ImportAlert } from './ImportAlert';
import { exportWorkspace, JOURNEYS_SCREEN } from './journey-actions';
import { JourneyRow } from './JourneyRow';

/** Loaded when it is first opened: the list comes up without it. */
const NewJourneyDialog = lazy(() => import('./NewJourneyDialog'));
/** The user's saved templates: read and drawn just after the list, which never waits for them. */
const SavedTemplates = lazy(() => import('../templates/SavedTemplates'));
const RenameDialog = lazy(() => import('./RenameDialog'));
const ImportSpreadsheetDialog = lazy(() => import('../spreadsheet/ImportSpreadsheetDialog'));
import { ImportProgressBar } from './ImportProgress';
import { useImport } from './useImport';
import { IMPORT_ACCEPT } from './spreadsheet-files';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

let markedInteractive = false;

/** A button-looking label around a hidden file input, so the input keeps its accessible name. */
function FileButton({
  label,
  multiple,
  disabled,
  onFiles,
}: {
  label: string;
  multiple?: boolean;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <label className={disabled ? 'button button--busy' : 'button'}>
      {label}
      <input
        type="file"
        className="visually-hidden"
        accept={IMPORT_ACCEPT}
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          onFiles(files);
        }}
      />
    </label>
  );
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

/** More new rows than this at once are drawn in the background. */
const BULK_ROWS = 50;
/** Rows drawn with the screen (two screenfuls); the rest follow at once in an interruptible render. */
const FIRST_ROWS = 30;

export function JourneysScreen() {
  const app = useApp();
  const { t } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  // Hundreds of journeys arriving at once (a workspace import) are listed by an interruptible
  // render, so clicks and typing are not held up behind them; any other change shows at once.
  const deferredDoc = useDeferredValue(doc);
  const bulk = Math.abs(Object.keys(doc.journeys).length - Object.keys(deferredDoc.journeys).length) > BULK_ROWS;
  const counts = useWorkspace((s) => s.counts);
  const summaries = journeySummaries(bulk ? deferredDoc : doc, counts);
  const [filter, setFilter] = useState('');
  const [stateFilter, setStateFilter] = useState<JourneyState | ''>('');
  const visible = useMemo(
    () =>
      summaries.filter(
        (s) =>
          matchesFilter(s.journey.title, filter) && (!stateFilter || (s.journey.state ?? 'current') === stateFilter),
      ),
    [summaries, filter, stateFilter],
  );
  // Hundreds of rows took most of a start: the first screenful is drawn at once, usable, and the
  // rest just after, without holding up a click or a key.
  const [shown, setShown] = useState(FIRST_ROWS);
  useEffect(() => startTransition(() => setShown(Infinity)), []);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const { error, busy, running, importFiles, cancel, dismiss, sheet, nextSheet, announce } = useImport();
  const now = useNow(30_000);
  const filterId = useId();
  const stateFilterId = useId();
  const renamingJourney = renaming ? doc.journeys[renaming] : undefined;
  useEffect(() => () => app.toasts.dismissScreen(JOURNEYS_SCREEN), [app.toasts]);
  useEffect(() => {
    // The cold-start figure of `npm run bench` ends here: the list is on screen and usable.
    if (!markedInteractive) performance.mark('jc:journeys-interactive');
    markedInteractive = true;
  }, []);

  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    void importFiles(Array.from(e.dataTransfer.files));
  };

  return (
    <div
      className={dragging ? 'screen screen--dropping' : 'screen'}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="screen__head">
        <h1>{t('journeys.title')}</h1>
        <div className="screen__actions">
          <FileButton label={t('importer.button')} multiple disabled={busy} onFiles={importFiles} />
          {/* A workspace file is a journey file with everything in it: the same importer merges it. */}
          <FileButton label={t('export.importWorkspace')} disabled={busy} onFiles={importFiles} />
          <button type="button" className="button" onClick={() => void exportWorkspace(app)}>
            {t('export.exportWorkspace')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('journeys.new')}
          </button>
        </div>
      </div>
      {running && <ImportProgressBar run={running} onCancel={cancel} />}
      {error && <ImportAlert error={error} onDismiss={dismiss} />}
      <div className="filter">
        <label htmlFor={filterId} className="visually-hidden">
          {t('journeys.filter')}
        </label>
        <input
          id={filterId}
          type="search"
          className="input"
          dir="auto"
          placeholder={t('journeys.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label htmlFor={stateFilterId} className="visually-hidden">
          {t('journeys.stateFilter')}
        </label>
        <select
          id={stateFilterId}
          className="input filter__state"
          value={stateFilter}
          onChange={(e) => setStateFilter(e.target.value as JourneyState | '')}
        >
          <option value="">{t('journeys.allStates')}</option>
          {JOURNEY_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`editor.state.${state}`)}
            </option>
          ))}
        </select>
        <span className="filter__count">{t('journeys.count', { count: visible.length })}</span>
      </div>
      {summaries.length === 0 ? (
        <p className="empty">{t('journeys.empty')}</p>
      ) : visible.length === 0 ? (
        <p className="empty">
          {stateFilter && !filter.trim() ? t('journeys.noneInState') : t('journeys.noMatch', { filter })}
        </p>
      ) : (
        <ul className="journey-list">
          {visible.slice(0, shown).map((s) => (
            <JourneyRow key={s.journey.id} summary={s} onRename={setRenaming} now={now} />
          ))}
        </ul>
      )}
      <Suspense fallback={null}>
        <SavedTemplates />
      </Suspense>
      {dragging && <div className="drop-hint">{t('journeys.dropHint')}</div>}
      {creating && (
        <Suspense fallback={null}>
          <NewJourneyDialog open={creating} onOpenChange={setCreating} />
        </Suspense>
      )}
      {sheet && (
        <Suspense fallback={null}>
          <ImportSpreadsheetDialog
            key={`${sheet.name}:${sheet.lastModified}:${sheet.size}`}
            file={sheet}
            onDone={(outcome) => {
              if (outcome) announce(outcome, sheet.name);
              nextSheet();
            }}
          />
        </Suspense>
      )}
      {renamingJourney && (
        <Suspense fallback={null}>
          <RenameDialog
            journeyId={renamingJourney.id}
            initial={renamingJourney.title}
            onClose={() => setRenaming(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
