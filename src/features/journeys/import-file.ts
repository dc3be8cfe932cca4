import type { FormatIssue } from '../../domain/format/issues';
import { LIMITS, type Id } from '../../domain/types';
import { describeIssue, formatBytes } from '../../i18n/format';
import { i18n } from '../../i18n';
import { workspace } from '../../store';
import { flushNow } from '../../app/services';

export type ImportOutcome =
  | { ok: true; journeyIds: Id[]; personaIds: Id[] }
  | { ok: false; message: string; details: string[] };

/**
 * Reads, checks and adds one file, all or nothing: the workspace changes only when the whole
 * file is valid, in one command (so one undo step and one storage transaction).
 */
export async function importJourneyFile(file: File): Promise<ImportOutcome> {
  const failed = (details: string[]): ImportOutcome => ({
    ok: false,
    message: i18n.t('importer.failed', { name: file.name }),
    details,
  });
  const start = performance.now();
  // Refused before reading, so a huge file never reaches memory.
  if (file.size > LIMITS.fileBytes) return failed([i18n.t('importer.tooLarge', { size: formatBytes(file.size) })]);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return failed([i18n.t('importer.unreadable', { detail: e instanceof Error ? e.message : String(e) })]);
  }
  const { parseJourneyFile } = await import('../../domain/format/parse');
  const { importDocument } = await import('../../domain/format/import-document');
  const result = parseJourneyFile(text);
  if (!result.ok) return failed(issueLines(result.issues, result.total));
  const summary = { journeyIds: [] as Id[], personaIds: [] as Id[] };
  workspace.dispatch(importDocument(result.doc, summary));
  // Report success once the records are stored (or the storage alert explains why not).
  await flushNow();
  performance.measure('jc:import', { start, end: performance.now() });
  return { ok: true, ...summary };
}

function issueLines(issues: FormatIssue[], total: number): string[] {
  const lines = issues.map(describeIssue);
  if (total > issues.length) lines.push(i18n.t('importer.more', { count: total - issues.length }));
  return lines;
}
