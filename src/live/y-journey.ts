import type { Patch } from 'immer';
import * as Y from 'yjs';
import { emptyWorkspace, TABLES, type Id, type TableName, type Workspace } from '../domain/types';
import type { RemoteChanges } from '../store/workspace-store';

/**
 * A live journey as a Yjs document: one Y.Map per table, keyed by record id, each record a Y.Map
 * of its fields. Two people changing different fields of one card both keep their change; the
 * same field ends with one value everywhere. Field values are plain JSON (a persona's list of
 * goals is one value).
 */
type RecordMap = Y.Map<unknown>;
type Rec = Record<string, unknown>;

/** A table's records as plain field maps (records are plain JSON data). */
const recordsOf = (ws: Workspace, table: TableName) => ws[table] as unknown as Record<Id, Rec | undefined>;

export const tableOf = (doc: Y.Doc, table: TableName): Y.Map<RecordMap> => doc.getMap(table);

function recordMap(rec: Rec): RecordMap {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(rec)) if (v !== undefined) m.set(k, v);
  return m;
}

/** Puts records (a journey, its persona and parts) into the document, in one transaction. */
export function seedDoc(doc: Y.Doc, records: Workspace, origin: unknown): void {
  doc.transact(() => {
    for (const table of TABLES) {
      const map = tableOf(doc, table);
      for (const [id, rec] of Object.entries(recordsOf(records, table))) if (rec) map.set(id, recordMap(rec));
    }
  }, origin);
}

/** Every record of the document, as the store keeps them. */
export function readDoc(doc: Y.Doc): Workspace {
  const ws = emptyWorkspace();
  for (const table of TABLES) {
    const target = ws[table] as Record<Id, unknown>;
    tableOf(doc, table).forEach((m, id) => (target[id] = m.toJSON()));
  }
  return ws;
}

/**
 * A local change, as the store's patches, made in the document in one transaction with the local
 * origin (so an UndoManager or the echo filter knows it is ours). Patches on a record's fields
 * set those fields; a deeper patch (inside a list) sets the whole field from `after`.
 */
export function patchesToY(doc: Y.Doc, patches: readonly Patch[], after: Workspace, origin: unknown): void {
  doc.transact(() => {
    for (const p of patches) {
      const [table, id, field] = p.path as [TableName, Id, string | undefined];
      if (!TABLES.includes(table)) continue;
      const map = tableOf(doc, table);
      const rec = recordsOf(after, table)[id];
      if (field === undefined) {
        if (!rec) map.delete(id);
        else map.set(id, recordMap(rec));
        continue;
      }
      const m = map.get(id);
      if (!rec) continue; // the record went later in the same change
      if (!m) map.set(id, recordMap(rec));
      else if (rec[field] !== undefined) m.set(field, rec[field]);
      else m.delete(field);
    }
  }, origin);
}

/**
 * The part of a local change that belongs in a journey's room: patches on the journey, its parts
 * and its persona (a change can touch several journeys, as deleting a persona does; the others'
 * records stay out of the room). A journey given another persona brings that persona's record
 * along, so the others have what it points at.
 */
export function roomPatches(patches: readonly Patch[], journeyId: Id, after: Workspace, doc: Y.Doc): Patch[] {
  const inRoom = (table: TableName, id: Id) => tableOf(doc, table).get(id);
  const personaId =
    after.journeys[journeyId]?.personaId ?? (inRoom('journeys', journeyId)?.get('personaId') as Id | undefined);
  // A record removed by the change is known by the room's copy of it.
  const owner = (table: TableName, id: Id) =>
    (recordsOf(after, table)[id]?.journeyId as Id | undefined) ??
    (inRoom(table, id)?.get('journeyId') as Id | undefined);
  const out = patches.filter((p) => {
    const [table, id] = p.path as [TableName, Id];
    if (table === 'journeys') return id === journeyId;
    // A persona is shared by journeys outside the room: deleting it here never deletes it there.
    if (table === 'personas') return id === personaId && !!after.personas[id];
    return TABLES.includes(table) && owner(table, id) === journeyId;
  });
  const current = after.journeys[journeyId]?.personaId;
  if (current && after.personas[current] && !tableOf(doc, 'personas').has(current))
    out.unshift({ op: 'replace', path: ['personas', current], value: after.personas[current] });
  return out;
}

/** The records a transaction touched, by table: what `changesOf` reads back. */
export type Touched = Map<TableName, Set<Id>>;

/** Adds the records a transaction touched to `into` (several transactions can be read as one). */
export function touchedBy(doc: Y.Doc, tr: Y.Transaction, into: Touched = new Map()): Touched {
  const mark = (table: TableName, id: Id) => {
    let s = into.get(table);
    if (!s) into.set(table, (s = new Set()));
    s.add(id);
  };
  for (const table of TABLES) {
    const map = tableOf(doc, table);
    for (const [type, keys] of tr.changed) {
      if (type === (map as unknown)) {
        for (const key of keys) if (key !== null) mark(table, key);
      } else if (type.parent === map && type instanceof Y.Map) {
        // A record's field changed: the record is the entry of its table under this key.
        const key = type._item?.parentSub;
        if (key) mark(table, key);
      }
    }
  }
  return into;
}

/**
 * The touched records as they are in the document now, as whole records (what the store's
 * `applyRemote` takes, as from another tab): records there are put, records gone deleted.
 */
export function changesOf(doc: Y.Doc, touched: Touched): RemoteChanges {
  const changes: RemoteChanges = { puts: {}, deletes: {} };
  for (const [table, ids] of touched) {
    const map = tableOf(doc, table);
    for (const id of ids) {
      const m = map.get(id);
      if (m) (changes.puts[table] ??= []).push(m.toJSON() as Rec);
      else (changes.deletes[table] ??= []).push(id);
    }
  }
  return changes;
}

/** What one transaction from elsewhere changed, as record changes. */
export const changesOfTransaction = (doc: Y.Doc, tr: Y.Transaction): RemoteChanges =>
  changesOf(doc, touchedBy(doc, tr));

/**
 * Records of one journey as they are here, made so in the document (one transaction, with the
 * given origin): fields that differ are set, fields gone are removed, a record gone here is
 * removed there (a persona never is: other journeys may name it). Records of other journeys are
 * left alone.
 */
export function putRecords(doc: Y.Doc, ws: Workspace, changed: Touched, journeyId: Id, origin: unknown): void {
  const personaId = ws.journeys[journeyId]?.personaId;
  doc.transact(() => {
    for (const [table, ids] of changed) {
      if (!TABLES.includes(table)) continue;
      const map = tableOf(doc, table);
      for (const id of ids) {
        const rec = recordsOf(ws, table)[id];
        const m = map.get(id);
        if (!rec) {
          if (m && table !== 'personas') map.delete(id);
          continue;
        }
        const ours =
          table === 'journeys'
            ? id === journeyId
            : table === 'personas'
              ? id === personaId
              : rec.journeyId === journeyId;
        if (!ours) continue;
        if (!m) {
          map.set(id, recordMap(rec));
          continue;
        }
        for (const key of m.keys()) if (rec[key] === undefined) m.delete(key);
        for (const [key, value] of Object.entries(rec))
          if (value !== undefined && JSON.stringify(m.get(key)) !== JSON.stringify(value)) m.set(key, value);
      }
    }
  }, origin);
}
