import type { Id, TableName, Workspace } from '../domain/types';
import type { LocalFields, RemoteChanges } from './workspace-store';

/**
 * Puts records from elsewhere (another tab's commit, a live room) into a draft of the workspace.
 * A part of a journey not read here is skipped (it is read with its journey); fields changed here
 * and not yet committed keep our value.
 */
export function putRemote(
  draft: Workspace,
  changes: RemoteChanges,
  unloaded: Readonly<Record<Id, true>>,
  localFields: LocalFields | undefined,
): void {
  for (const [table, recs] of Object.entries(changes.puts) as [TableName, Record<string, unknown>[]][]) {
    const t = draft[table] as unknown as Record<Id, Record<string, unknown>>;
    for (const rec of recs) {
      const id = rec.id as Id;
      // A part of a journey not read here is read with it, when it is opened.
      if (typeof rec.journeyId === 'string' && unloaded[rec.journeyId]) continue;
      const ours = localFields?.(table, id);
      const current = t[id];
      if (ours === 'all') continue;
      if (!ours || !current) {
        if (!current || !sameRecord(current, rec)) t[id] = rec;
        continue;
      }
      for (const key of new Set([...Object.keys(current), ...Object.keys(rec)])) {
        if (ours.has(key)) continue;
        if (!(key in rec)) delete current[key];
        else if (JSON.stringify(current[key]) !== JSON.stringify(rec[key])) current[key] = rec[key];
      }
    }
  }
  for (const [table, ids] of Object.entries(changes.deletes) as [TableName, Id[]][]) {
    const t = draft[table] as Record<Id, unknown>;
    for (const id of ids) if (Object.hasOwn(t, id) && localFields?.(table, id) !== 'all') delete t[id];
  }
}

/** Records are plain JSON data: equal when every field is. */
function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k in b && (a[k] === b[k] || JSON.stringify(a[k]) === JSON.stringify(b[k])));
}
