import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { parseJourneyFile } from '../../domain/format/parse';
import {
  COLUMN_TARGETS,
  detectHeaderRow,
  guessColumns,
  isProblem,
  MAX_ROWS,
  MAX_SHEET_BYTES,
  readSheet,
  type ColumnTarget,
  type Sheet,
  type SheetPlan,
  type SheetProblem,
  type Vocabulary,
} from '../../domain/spreadsheet/sheet-journey';
import { LIMITS } from '../../domain/types';
import { Dialog } from '../../ui/Dialog';
import { issueLines, storeDocument, type ImportOutcome } from '../journeys/import-file';
import { readSpreadsheet, type ReadResult } from './read-spreadsheet';
import { vocabulary } from './vocabulary';
import { ensureCatalogue } from '../../i18n';
import { LANGUAGES } from '../../i18n/languages';
import { formatBytes } from '../../i18n/format';
import { HeaderRowPicker } from './HeaderRowPicker';

const SHOWN_UNPLACED = 50;

/** The journey's name: the file's, without its extension. */
function nameOf(file: File): string {
  const base = file.name.replace(/\.(csv|xlsx)$/i, '').trim();
  return Array.from(base || 'Journey')
    .slice(0, LIMITS.titleLength)
    .join('');
}

/**
 * A spreadsheet previewed before anything is written: how it was read, its stages and cards,
 * what each column becomes (row per step), and everything that has no place. Import stores it
 * all or nothing, as a journey file is.
 */
export default function ImportSpreadsheetDialog({
  file,
  onDone,
}: {
  file: File;
  onDone: (outcome: ImportOutcome | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const name = nameOf(file);
  // The sheet as read, with every language's words: both arrive together.
  const [opened, setOpened] = useState<{ read: ReadResult; words: Vocabulary } | null>(null);
  const read = opened?.read ?? null;
  const [columns, setColumns] = useState<ColumnTarget[] | null>(null);
  const [chosenRow, setChosenRow] = useState<number | null>(null);
  const [storing, setStoring] = useState(false);
  const [refused, setRefused] = useState<string[] | null>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    // A sheet exported in one language is read in any other: every catalogue's words are known.
    const allLanguages = Promise.all(LANGUAGES.map((l) => ensureCatalogue(l.code))).catch(() => {});
    const reading = readSpreadsheet(file).catch((e: unknown): ReadResult => ({
      ok: false,
      code: 'unreadable',
      detail: String(e),
    }));
    void Promise.all([reading, allLanguages]).then(([r]) => {
      if (live) setOpened({ read: r, words: vocabulary() });
    });
    return () => {
      live = false;
    };
  }, [file]);

  const sheet: Sheet | null = opened?.read.ok ? opened.read.sheet : null;
  const merges = opened?.read.ok ? opened.read.merges : undefined;
  const words = opened?.words ?? null;
  const headerRow = useMemo(
    () => chosenRow ?? (sheet && words ? detectHeaderRow(sheet, words) : 0),
    [chosenRow, sheet, words],
  );
  const result: SheetPlan | SheetProblem | null = useMemo(
    () => (sheet && words ? readSheet(sheet, name, words, { columns: columns ?? undefined, headerRow, merges }) : null),
    [sheet, name, words, columns, headerRow, merges],
  );
  const plan = result && !isProblem(result) ? result : null;
  const header = sheet?.[headerRow] ?? [];
  const shownColumns =
    sheet && words && plan?.layout === 'steps'
      ? (columns ?? guessColumns(sheet.slice(headerRow), words).map((c) => c.target))
      : null;

  const problem = (() => {
    if (!read || read.ok) {
      if (!result || !isProblem(result)) return null;
      return t(`sheet.problem.${result.code}`, { ...result });
    }
    return t(`sheet.problem.${read.code}`, {
      detail: read.detail ?? '',
      size: formatBytes(Number(read.detail ?? 0)),
      limit: formatBytes(MAX_SHEET_BYTES),
      rows: Number(read.detail ?? 0).toLocaleString(i18n.language),
      max: MAX_ROWS.toLocaleString(i18n.language),
    });
  })();

  const doImport = async () => {
    if (!plan) return;
    // The same check as a journey file's: what the importer made must be a valid document.
    const parsed = parseJourneyFile(JSON.stringify(plan.document));
    if (!parsed.ok) {
      setRefused(issueLines(parsed.issues, parsed.total));
      return;
    }
    setStoring(true);
    const outcome = await storeDocument(app, parsed.doc, file.name);
    setStoring(false);
    if (!outcome.ok && !outcome.cancelled) {
      setRefused(outcome.details);
      return;
    }
    onDone(outcome);
  };

  const journeys = plan ? (plan.document.journeys as unknown[]).length : 0;
  return (
    <Dialog open onOpenChange={(o) => !o && onDone(null)} title={t('sheet.title')} wide>
      <div className="form">
        {!read && <p role="status">{t('sheet.reading', { name: file.name })}</p>}
        {(problem || refused) && (
          <div role="alert" className="banner banner--error">
            <div>
              <p className="banner__title">{t('sheet.failed', { name: file.name })}</p>
              <ul className="banner__list">
                {(refused ?? [problem!]).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        {sheet && (
          <HeaderRowPicker
            sheet={sheet}
            row={headerRow}
            onChange={(row) => {
              // The columns were named by the old header row.
              setColumns(null);
              setChosenRow(row);
            }}
          />
        )}
        {plan && (
          <>
            <p>
              {plan.layout === 'cards' ? null : <strong>{t('sheet.journeyName', { name })}</strong>}{' '}
              {t(`sheet.layout.${plan.layout}`)}
            </p>
            <p role="status">
              {plan.layout === 'cards'
                ? t('sheet.summaryJourneys', { count: journeys, cards: plan.cards })
                : t('sheet.summary', { stages: plan.stages, cards: plan.cards })}
            </p>
            {shownColumns && (
              <fieldset className="sheet-columns">
                <legend>{t('sheet.columns')}</legend>
                {shownColumns.map((target, c) => {
                  const named = header[c]?.trim() || t('sheet.column', { n: c + 1 });
                  return (
                    <label key={c} className="sheet-columns__row">
                      <span>{named}</span>
                      <select
                        className="input"
                        aria-label={t('sheet.columnOf', { n: c + 1, header: named })}
                        value={target}
                        onChange={(e) => {
                          const next = [...shownColumns];
                          next[c] = e.target.value as ColumnTarget;
                          setColumns(next);
                        }}
                      >
                        {COLUMN_TARGETS.map((v) => (
                          <option key={v} value={v}>
                            {t(
                              v in { stage: 1, persona: 1, channel: 1, time: 1, owner: 1, ignore: 1 }
                                ? `sheet.target.${v}`
                                : `lane.${v}`,
                            )}
                          </option>
                        ))}
                      </select>
                    </label>
                  );
                })}
              </fieldset>
            )}
            <section aria-labelledby={headingId}>
              <h3 id={headingId} className="sheet-unplaced__title">
                {plan.unplaced.length > 0
                  ? t('sheet.unplaced', { count: plan.unplaced.length })
                  : t('sheet.nothingLeft')}
              </h3>
              {plan.unplaced.length > 0 && (
                <ul className="sheet-unplaced">
                  {plan.unplaced.slice(0, SHOWN_UNPLACED).map((u, i) => (
                    <li key={i}>{t(`sheet.why.${u.code}`, { ...u })}</li>
                  ))}
                  {plan.unplaced.length > SHOWN_UNPLACED && (
                    <li>{t('sheet.moreUnplaced', { count: plan.unplaced.length - SHOWN_UNPLACED })}</li>
                  )}
                </ul>
              )}
            </section>
          </>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => onDone(null)}>
            {t('sheet.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!plan || storing}
            onClick={() => void doImport()}
          >
            {t('sheet.import')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
