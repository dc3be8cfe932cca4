import { exportDocument, serializeDocument } from '../../domain/format/serialize';
import { safeFileName } from '../../domain/filename';
import { deleteJourney, duplicateJourney } from '../../domain/journey-commands';
import { randomId } from '../../domain/ids';
import type { Id } from '../../domain/types';
import { i18n } from '../../i18n';
import { workspace } from '../../store';
import { downloadBlob } from '../../ui/download';
import { showToast } from '../../ui/toast-store';

export const UNDO_TOAST_MS = 10_000;
/** Journey-level steps are undone from the Journeys screen's toasts, which leave with it. */
export const JOURNEYS_SCREEN = 'journeys';

export function duplicateWithToast(id: Id): Id {
  const title = workspace.getDoc().journeys[id]?.title ?? '';
  const newId = randomId();
  // A very long title plus " (copy)" may pass the limit: cut the original, keep the suffix.
  let copyTitle = i18n.t('journeys.copyTitle', { title });
  if (copyTitle.length > 200) copyTitle = i18n.t('journeys.copyTitle', { title: title.slice(0, 200 - (copyTitle.length - title.length)) });
  const entry = workspace.dispatch(duplicateJourney(id, newId, copyTitle));
  showToast(i18n.t('journeys.duplicated'), {
    durationMs: UNDO_TOAST_MS,
    screen: JOURNEYS_SCREEN,
    action: { label: i18n.t('journeys.undo'), run: () => workspace.revert(entry) },
  });
  return newId;
}

export function deleteWithUndo(id: Id): void {
  const entry = workspace.dispatch(deleteJourney(id));
  showToast(i18n.t('journeys.deleted'), {
    durationMs: UNDO_TOAST_MS,
    screen: JOURNEYS_SCREEN,
    action: { label: i18n.t('journeys.undo'), run: () => workspace.revert(entry) },
  });
}

export function exportJourneyJson(id: Id): void {
  const start = performance.now();
  const ws = workspace.getDoc();
  const journey = ws.journeys[id];
  if (!journey) return;
  const text = serializeDocument(exportDocument(ws, [id], new Date()));
  downloadBlob(new Blob([text], { type: 'application/json' }), safeFileName(journey.title, '.journey.json'));
  performance.measure('jc:export-json', { start, end: performance.now() });
  showToast(i18n.t('journeys.exported'));
}

/** Every persona and journey in one file of the documented format: a backup, or a move. */
export function exportWorkspace(): void {
  const ws = workspace.getDoc();
  const journeyIds = Object.values(ws.journeys)
    .sort((a, b) => a.createdAt - b.createdAt || a.title.localeCompare(b.title))
    .map((j) => j.id);
  const doc = exportDocument(ws, journeyIds, new Date(), Object.keys(ws.personas));
  const date = new Date().toISOString().slice(0, 10);
  downloadBlob(new Blob([serializeDocument(doc)], { type: 'application/json' }), safeFileName(`${i18n.t('export.workspaceName')} ${date}`, '.journey.json'));
  showToast(i18n.t('export.workspaceExported', { journeys: journeyIds.length, personas: Object.keys(ws.personas).length }));
}
