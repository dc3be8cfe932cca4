import { revertStep } from '../../store/workspace-store';
import type { App } from '../../app/create-app';
import { safeFileName } from '../../domain/filename';
import { randomId } from '../../domain/ids';
import { JOURNEY_PART_TABLES, LIMITS, type Id, type Workspace } from '../../domain/types';
import { journeyHref, navigate } from '../../app/router';
import { i18n } from '../../i18n';
import { nextTask, runInSlices } from '../../app/slices';
import { downloadBlob } from '../../ui/download';
import { runOrToast } from '../../app/commands';

export const UNDO_TOAST_MS = 10_000;
/** Journey-level steps are undone from the Journeys screen's toasts, which leave with it. */
export const JOURNEYS_SCREEN = 'journeys';

/**
 * Reads a journey's parts before a command that needs all of them (duplicate, delete, export);
 * false, after saying so, when storage cannot give them.
 */
async function readJourney(app: App, id: Id): Promise<boolean> {
  try {
    await app.loadJourneys([id]);
    return true;
  } catch {
    const title = app.workspace.getDoc().journeys[id]?.title ?? '';
    app.toasts.show(i18n.t('journeys.readFailed', { title }), { tone: 'error' });
    return false;
  }
}

/** A journey's title with a suffix ("… (copy)"); a very long title is cut so the suffix stays. */
function suffixed(app: App, id: Id, key: 'journeys.copyTitle' | 'journeys.futureTitle'): string {
  const title = app.workspace.getDoc().journeys[id]?.title ?? '';
  const whole = i18n.t(key, { title });
  return whole.length > LIMITS.titleLength
    ? i18n.t(key, { title: title.slice(0, LIMITS.titleLength - (whole.length - title.length)) })
    : whole;
}

/** Copies a journey as its future state, linked to it, and opens the copy. */
export async function createFutureStateOf(app: App, id: Id): Promise<Id | null> {
  // The future-state module (with its diff) is not part of the first page.
  const [{ createFutureState }, ready] = await Promise.all([import('../../domain/future-state'), readJourney(app, id)]);
  if (!ready) return null;
  const newId = randomId();
  const result = runOrToast(app, createFutureState(id, newId, suffixed(app, id, 'journeys.futureTitle')));
  if (!result.ok) return null;
  app.toasts.show(i18n.t('journeys.futureCreated'));
  navigate(journeyHref(newId));
  return newId;
}

/** Journey commands load with the first action on a journey, not with the first page. */
const journeyCommands = () => import('../../domain/journey-commands');

export async function duplicateWithToast(app: App, id: Id): Promise<Id | null> {
  const [{ duplicateJourney }, ready] = await Promise.all([journeyCommands(), readJourney(app, id)]);
  if (!ready) return null;
  const newId = randomId();
  const result = runOrToast(app, duplicateJourney(id, newId, suffixed(app, id, 'journeys.copyTitle')));
  if (!result.ok) return null;
  const { entry } = result;
  app.toasts.show(i18n.t('journeys.duplicated'), {
    durationMs: UNDO_TOAST_MS,
    screen: JOURNEYS_SCREEN,
    action: { label: i18n.t('journeys.undo'), run: () => app.workspace.dispatch(revertStep(entry)) },
  });
  return newId;
}

export async function deleteWithUndo(app: App, id: Id): Promise<void> {
  const [{ deleteJourney }, ready] = await Promise.all([journeyCommands(), readJourney(app, id)]);
  if (!ready) return;
  // Deleting one's copy of a live journey leaves its session first: the room's journey stays for
  // the others (deleted while live, it would have gone for everyone).
  if (app.live.getState().journeys[id]) (await app.liveSessions()).leave(id);
  const result = runOrToast(app, deleteJourney(id));
  if (!result.ok) return;
  const { entry } = result;
  app.toasts.show(i18n.t('journeys.deleted'), {
    durationMs: UNDO_TOAST_MS,
    screen: JOURNEYS_SCREEN,
    action: { label: i18n.t('journeys.undo'), run: () => app.workspace.dispatch(revertStep(entry)) },
  });
}

// The writer of the file format loads with the first export, not with the first page.
const loadSerializer = () => import('../../domain/format/serialize');

export async function exportJourneyJson(app: App, id: Id): Promise<void> {
  const start = performance.now();
  if (!(await readJourney(app, id))) return;
  const ws = app.workspace.getDoc();
  const journey = ws.journeys[id];
  if (!journey) return;
  const { exportDocument, serializeDocument } = await loadSerializer();
  const text = serializeDocument(exportDocument(ws, [id], new Date()));
  downloadBlob(new Blob([text], { type: 'application/json' }), safeFileName(journey.title, '.journey.json'));
  performance.measure('jc:export-json', { start, end: performance.now() });
  app.toasts.show(i18n.t('journeys.exported'));
}

/**
 * Every persona and journey in one file of the documented format: a backup, or a move. Written a
 * journey at a time in slices of about 30 ms, with progress and Cancel, so a large workspace
 * never freezes the page (it took 14 s in one go at 40 MB).
 */
export async function exportWorkspace(app: App, { backup = false } = {}): Promise<void> {
  const start = performance.now();
  const listed = app.workspace.getDoc();
  let journeyIds = Object.values(listed.journeys)
    .sort((a, b) => a.createdAt - b.createdAt || a.title.localeCompare(b.title))
    .map((j) => j.id);
  const personaIds = Object.keys(listed.personas);
  const controller = new AbortController();
  const progress = (done: number) =>
    i18n.t('export.workspaceProgress', {
      done: done.toLocaleString(i18n.language),
      total: journeyIds.length.toLocaleString(i18n.language),
    });
  const toast =
    journeyIds.length > 50
      ? app.toasts.show(progress(0), {
          durationMs: 600_000,
          action: { label: i18n.t('export.cancel'), run: () => controller.abort() },
        })
      : null;
  // Each slice's text becomes a Blob at once: one Blob of 5,000 strings took 140 ms at the end.
  const parts: Blob[] = [];
  let slice: string[] = [];
  let written = 0;
  try {
    // Journeys not read yet are read a batch at a time, each read a short task of its own.
    // What memory holds (the journeys read here, with any unsaved edit), and the rest read as
    // stored a batch at a time into a copy that nothing draws. A backup (storage is failing)
    // holds everything this tab has, and says what it could not read.
    const doc = app.workspace.getDoc();
    const unread = journeyIds.filter((id) => !app.workspace.isLoaded(id));
    // A copy only when there is something to add to it, a table per task (50,000 cards take a while).
    let ws: Workspace = doc;
    if (unread.length > 0) {
      const copy = { ...doc };
      copy.stages = { ...doc.stages };
      copy.lanes = { ...doc.lanes };
      await nextTask();
      copy.cards = { ...doc.cards };
      await nextTask();
      copy.connections = { ...doc.connections };
      ws = copy;
    }
    const unreadable = new Set<Id>();
    if (unread.length > 0) {
      try {
        const parts = await app.readJourneys(unread, () => controller.signal.throwIfAborted());
        for (const table of JOURNEY_PART_TABLES) {
          Object.assign(ws[table], parts[table]);
          await nextTask();
        }
      } catch (e) {
        if (controller.signal.aborted || !backup) throw e;
        for (const id of unread) unreadable.add(id);
      }
    }
    journeyIds = journeyIds.filter((id) => !unreadable.has(id));
    const { documentPieces } = await loadSerializer();
    const steps = (function* () {
      for (const piece of documentPieces(ws, journeyIds, new Date(), personaIds)) {
        if (piece !== '') {
          slice.push(piece);
          written += 1;
        }
        yield;
      }
    })();
    await runInSlices(steps, () => {
      parts.push(new Blob(slice));
      slice = [];
      controller.signal.throwIfAborted();
      if (toast !== null) app.toasts.update(toast, progress(Math.max(0, written - 1)));
    });
    const date = new Date().toISOString().slice(0, 10);
    parts.push(new Blob(slice));
    downloadBlob(
      new Blob(parts, { type: 'application/json' }),
      safeFileName(`${i18n.t('export.workspaceName')} ${date}`, '.journey.json'),
    );
    performance.measure('jc:export-workspace', { start, end: performance.now() });
    if (unreadable.size > 0)
      app.toasts.show(i18n.t('export.backupPartial', { count: unreadable.size }), { tone: 'error' });
    else
      app.toasts.show(i18n.t('export.workspaceExported', { journeys: journeyIds.length, personas: personaIds.length }));
  } catch (e) {
    if (controller.signal.aborted) app.toasts.show(i18n.t('export.cancelled'));
    else
      app.toasts.show(i18n.t('export.workspaceFailed', { detail: e instanceof Error ? e.message : String(e) }), {
        tone: 'error',
      });
  } finally {
    if (toast !== null) app.toasts.dismiss(toast);
  }
}
