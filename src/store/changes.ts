import type { Patch } from 'immer';
import { TABLES, type Id, type TableName } from '../domain/types';

/** Which records a change touched, by table: what storage writes and other tabs receive. */
export type ChangedRecords = Map<TableName, Set<Id>>;

const TABLE_SET = new Set<string>(TABLES);

export function changedRecords(patches: readonly Patch[], into: ChangedRecords = new Map()): ChangedRecords {
  for (const p of patches) {
    const [table, id] = p.path;
    if (typeof table !== 'string' || !TABLE_SET.has(table) || typeof id !== 'string') {
      throw new Error(`patch outside a record: ${p.path.join('/')}`);
    }
    let ids = into.get(table as TableName);
    if (!ids) into.set(table as TableName, (ids = new Set()));
    ids.add(id);
  }
  return into;
}

export function mergeChanged(into: ChangedRecords, from: ChangedRecords): ChangedRecords {
  for (const [table, ids] of from) {
    let set = into.get(table);
    if (!set) into.set(table, (set = new Set()));
    for (const id of ids) set.add(id);
  }
  return into;
}

export function countChanged(c: ChangedRecords): number {
  let n = 0;
  for (const ids of c.values()) n += ids.size;
  return n;
}
