import { randomId } from '../../domain/ids';
import { deletePersona, duplicatePersona } from '../../domain/persona-commands';
import type { Id } from '../../domain/types';
import { i18n } from '../../i18n';
import { workspace } from '../../store';
import { confirmAction } from '../../ui/confirm';
import { showToast } from '../../ui/toast-store';
import { runOrToast } from '../../app/commands';

export function journeysUsing(personaId: Id): string[] {
  return Object.values(workspace.getDoc().journeys)
    .filter((j) => j.personaId === personaId)
    .map((j) => j.title)
    .sort((a, b) => a.localeCompare(b));
}

/** Asks first, naming the journeys that use the persona; they keep working with "No persona". */
export async function confirmDeletePersona(id: Id): Promise<boolean> {
  const persona = workspace.getDoc().personas[id];
  if (!persona) return false;
  const used = journeysUsing(id);
  const t = i18n.t;
  const ok = await confirmAction({
    title: t('personas.deleteTitle', { name: persona.name }),
    message: used.length
      ? t('personas.deleteUsed', { count: used.length, journeys: used.map((s) => `“${s}”`).join(', ') })
      : t('personas.deleteUnused'),
    confirmLabel: t('personas.delete'),
    cancelLabel: t('personas.cancel'),
  });
  if (!ok) return false;
  const result = runOrToast(workspace, deletePersona(id));
  if (!result.ok) return false;
  const { entry } = result;
  showToast(t('personas.deleted'), {
    durationMs: 10_000,
    action: { label: t('journeys.undo'), run: () => workspace.revert(entry) },
  });
  return true;
}

export function duplicatePersonaWithToast(id: Id): void {
  const p = workspace.getDoc().personas[id];
  if (!p) return;
  if (!runOrToast(workspace, duplicatePersona(id, randomId(), i18n.t('personas.copyName', { name: p.name }))).ok)
    return;
  showToast(i18n.t('personas.duplicated'));
}
