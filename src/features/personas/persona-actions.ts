import { revertStep } from '../../store/workspace-store';
import type { App } from '../../app/create-app';
import { randomId } from '../../domain/ids';
import { deletePersona, duplicatePersona } from '../../domain/persona-commands';
import type { Id, Workspace } from '../../domain/types';
import { i18n } from '../../i18n';
import { runOrToast } from '../../app/commands';

/** The titles of the journeys told from a persona's view, in order. */
export function journeysUsing(ws: Workspace, personaId: Id): string[] {
  return Object.values(ws.journeys)
    .filter((j) => j.personaId === personaId)
    .map((j) => j.title)
    .sort((a, b) => a.localeCompare(b));
}

/** Asks first, naming the journeys that use the persona; they keep working with "No persona". */
export async function confirmDeletePersona(app: App, id: Id): Promise<boolean> {
  const persona = app.workspace.getDoc().personas[id];
  if (!persona) return false;
  const used = journeysUsing(app.workspace.getDoc(), id);
  const t = i18n.t;
  const ok = await app.confirms.ask({
    title: t('personas.deleteTitle', { name: persona.name }),
    message: used.length
      ? t('personas.deleteUsed', { count: used.length, journeys: used.map((s) => `“${s}”`).join(', ') })
      : t('personas.deleteUnused'),
    confirmLabel: t('personas.delete'),
    cancelLabel: t('personas.cancel'),
  });
  if (!ok) return false;
  const result = runOrToast(app, deletePersona(id));
  if (!result.ok) return false;
  const { entry } = result;
  app.toasts.show(t('personas.deleted'), {
    durationMs: 10_000,
    action: { label: t('journeys.undo'), run: () => app.workspace.dispatch(revertStep(entry)) },
  });
  return true;
}

export function duplicatePersonaWithToast(app: App, id: Id): void {
  const p = app.workspace.getDoc().personas[id];
  if (!p) return;
  if (!runOrToast(app, duplicatePersona(id, randomId(), i18n.t('personas.copyName', { name: p.name }))).ok) return;
  app.toasts.show(i18n.t('personas.duplicated'));
}
