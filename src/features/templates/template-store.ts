import type { App } from '../../app/create-app';
import { exportDocument, serializeDocument } from '../../domain/format/serialize';
import { safeFileName } from '../../domain/filename';
import { randomId } from '../../domain/ids';
import { checkTitle } from '../../domain/journey-commands';
import type { Id } from '../../domain/types';
import type { TemplateRec } from '../../storage/db';
import { downloadBlob } from '../../ui/download';

type Needs = Pick<App, 'templates' | 'start' | 'workspace' | 'loadJourneys'>;

export const byName = (a: TemplateRec, b: TemplateRec) => a.name.localeCompare(b.name) || a.createdAt - b.createdAt;

/** Reads the saved templates once (again with `force`), for New journey and the Journeys screen. */
export async function loadTemplates(app: Pick<App, 'templates' | 'start'>, force = false): Promise<TemplateRec[]> {
  const known = app.templates.getState().list;
  if (known && !force) return known;
  const list = (await (await app.start()).templates.all()).sort(byName);
  app.templates.setState({ list });
  return list;
}

async function put(app: Needs, rec: TemplateRec): Promise<void> {
  await (await app.start()).templates.put(rec);
  const others = (await loadTemplates(app)).filter((t) => t.id !== rec.id);
  app.templates.setState({ list: [...others, rec].sort(byName) });
}

/**
 * The journey as it is now, kept as a template: its journey file, so it is checked like an import
 * when used, and exported as it is. A name is required, as a journey's title is (throws DomainError).
 */
export async function saveAsTemplate(app: Needs, journeyId: Id, name: string): Promise<TemplateRec> {
  const clean = checkTitle(name);
  await app.loadJourneys([journeyId]);
  const file = serializeDocument(exportDocument(app.workspace.getDoc(), [journeyId], new Date()));
  const rec: TemplateRec = { id: randomId(), name: clean, createdAt: Date.now(), file };
  await put(app, rec);
  return rec;
}

export async function renameTemplate(app: Needs, rec: TemplateRec, name: string): Promise<void> {
  await put(app, { ...rec, name: checkTitle(name) });
}

export async function deleteTemplate(app: Needs, id: string): Promise<void> {
  await (await app.start()).templates.remove(id);
  app.templates.setState({ list: (app.templates.getState().list ?? []).filter((t) => t.id !== id) });
}

export function exportTemplate(rec: TemplateRec): void {
  downloadBlob(new Blob([rec.file], { type: 'application/json' }), safeFileName(rec.name, '.journey.json'));
}
