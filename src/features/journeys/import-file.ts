import type { FormatIssue } from '../../domain/format/issues';
import type { FileDocument } from '../../domain/format/schema';
import { LIMITS, type Id } from '../../domain/types';
import { describeIssue, formatBytes } from '../../i18n/format';
import { i18n } from '../../i18n';
import type { HistoryEntry } from '../../store/workspace-store';
import type { App } from '../../app/create-app';
import type { ImportProgress } from '../../storage/import-transaction';
import { classifyStorageError, errorDetail } from '../../storage/errors';
import { FileUnreadable, parseOffThread, ParseCancelled } from './parse-off-thread';

export type ImportOutcome =
  | { ok: true; journeyIds: Id[]; personaIds: Id[]; entry: HistoryEntry }
  | { ok: false; cancelled?: false; message: string; details: string[] }
  | { ok: false; cancelled: true };

export type ImportStep = { phase: 'checking' } | ({ phase: 'saving' } & ImportProgress);

/**
 * Reads, checks and adds one file, all or nothing: the workspace changes only when the whole
 * file is valid and every record of it is stored, in one transaction. Cancel, until then,
 * leaves everything as it was.
 */
export async function importJourneyFile(
  app: Pick<App, 'start'>,
  file: File,
  options: { signal?: AbortSignal; onStep?: (step: ImportStep) => void } = {},
): Promise<ImportOutcome> {
  const failed = (details: string[]): ImportOutcome => ({
    ok: false,
    message: i18n.t('importer.failed', { name: file.name }),
    details,
  });
  const start = performance.now();
  // Refused before reading, so a huge file never reaches memory.
  if (file.size > LIMITS.fileBytes) return failed([i18n.t('importer.tooLarge', { size: formatBytes(file.size) })]);
  try {
    options.onStep?.({ phase: 'checking' });
    const result = await parseOffThread(file, options.signal);
    if (!result.ok) return failed(issueLines(result.issues, result.total));
    const outcome = await storeDocument(app, result.doc, file.name, options);
    performance.measure('jc:import', { start, end: performance.now() });
    return outcome;
  } catch (e) {
    if (e instanceof ParseCancelled || (e instanceof Error && e.name === 'ImportCancelled'))
      return { ok: false, cancelled: true };
    if (e instanceof FileUnreadable) return failed([i18n.t('importer.unreadable', { detail: e.message })]);
    return failed([i18n.t(`importer.storage.${classifyStorageError(e)}`, { detail: errorDetail(e) })]);
  }
}

/**
 * Stores a checked document in one transaction (all or nothing) and shows it; a storage error is
 * said in words. The spreadsheet importer ends here too.
 */
export async function storeDocument(
  app: Pick<App, 'start'>,
  doc: FileDocument,
  name: string,
  options: { signal?: AbortSignal; onStep?: (step: ImportStep) => void } = {},
): Promise<ImportOutcome> {
  try {
    const persistence = await app.start();
    const { plan, entry } = await persistence.importDocument(doc, {
      signal: options.signal,
      onProgress: (p) => options.onStep?.({ phase: 'saving', ...p }),
    });
    return { ok: true, journeyIds: plan.summary.journeyIds, personaIds: plan.summary.personaIds, entry };
  } catch (e) {
    if (e instanceof Error && e.name === 'ImportCancelled') return { ok: false, cancelled: true };
    return {
      ok: false,
      message: i18n.t('importer.failed', { name }),
      details: [i18n.t(`importer.storage.${classifyStorageError(e)}`, { detail: errorDetail(e) })],
    };
  }
}

export function issueLines(issues: FormatIssue[], total: number): string[] {
  const lines = issues.map(describeIssue);
  if (total > issues.length) lines.push(i18n.t('importer.more', { count: total - issues.length }));
  return lines;
}
