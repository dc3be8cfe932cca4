import * as Y from 'yjs';
import { isSafeKey } from '../domain/ids';
import { checkRemoteRecord } from '../domain/remote-records';
import { emptyWorkspace, LIMITS, TABLES, type TableName } from '../domain/types';
import { WORKSHOP_MAP } from '../live/protocol';

/** How much one room may hold. */
export interface RoomLimits {
  /** Records of all tables together. */
  maxRecords: number;
  /** The room's Yjs document, encoded, in bytes. */
  maxBytes: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = { maxRecords: 5_000, maxBytes: 3 * 1024 * 1024 };

/** Why an update was refused: it breaks the journey's rules, or the room would grow past its limits. */
export type Refusal = 'invalid' | 'full';

type Rec = Record<string, unknown>;
/** A shared type as a transaction names it. */
type YType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;
const CHECK = Symbol('update-check');
const MAX_DEPTH = 6;
/** A field's text: the longest the format has (a persona's picture as a data URL) and a margin. */
const MAX_TEXT = Math.ceil((LIMITS.avatarBytes * 4) / 3) + 1024;
const MAX_FIELDS = 64;
/** Repairs a participant's app makes itself because they depend on other records (a card's lane's kind). */
const TOLERATED = new Set(['kind']);

/** Plain JSON (what the app writes into a record's fields), with no key an object's prototype answers to. */
function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (depth >= MAX_DEPTH || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length <= VOTE_ITEMS_MAX && value.every((v) => isPlainJson(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const entries = Object.entries(value as Rec);
  return (
    entries.length <= VOTE_ITEMS_MAX && entries.every(([k, v]) => isSafeKey(k) && k !== '' && isPlainJson(v, depth + 1))
  );
}
/** A vote round's tallies hold up to 10,000 cards: the widest value the format has. */
const VOTE_ITEMS_MAX = 10_000;

/**
 * A record as the room holds it, checked by the same rules a participant's app applies to what
 * arrives (`checkRemoteRecord`), record by record: what it points at (its journey, stage, lane,
 * cards) may arrive or go in another participant's change at the same moment, so only its own
 * shape is checked here, never whether those exist.
 */
function validRecord(table: TableName, key: string, value: unknown, laneKind: (id: string) => unknown): boolean {
  if (!(value instanceof Y.Map) || !isSafeKey(key)) return false;
  const rec: Rec = {};
  let fields = 0;
  for (const [field, v] of (value as Y.Map<unknown>).entries()) {
    if (++fields > MAX_FIELDS || !isSafeKey(field) || !isPlainJson(v)) return false;
    rec[field] = v;
  }
  if (rec.id !== key) return false;
  const ws = emptyWorkspace();
  const put = (t: TableName, id: unknown, r: Rec) => {
    if (typeof id === 'string' && isSafeKey(id)) (ws[t] as Record<string, unknown>)[id] = { id, ...r };
  };
  put('journeys', rec.journeyId, {});
  put('personas', rec.personaId, {});
  put('stages', rec.stageId, { journeyId: rec.journeyId });
  put('lanes', rec.laneId, { journeyId: rec.journeyId, kind: laneKind(String(rec.laneId)) ?? 'notes' });
  put('cards', rec.from, { journeyId: rec.journeyId });
  put('cards', rec.to, { journeyId: rec.journeyId });
  const { record, problem } = checkRemoteRecord(table, rec, ws);
  if (!record) return false;
  return !problem || problem.reason.split(', ').every((r) => TOLERATED.has(r));
}

/** The workshop's entries a room may hold (a vote, a ballot per person, the timer, parked ideas). */
const MAX_WORKSHOP_ENTRIES = 2_000;
const MAX_WORKSHOP_KEY = 200;

/** A workshop entry: a short safe key and a plain JSON value (or none: removed). */
function validWorkshopEntry(key: string, value: unknown): boolean {
  return key.length <= MAX_WORKSHOP_KEY && isSafeKey(key) && (value === undefined || isPlainJson(value));
}

/**
 * The records (and workshop entries) a transaction touched, by table; null when it touched anything
 * a room does not have.
 */
function touchedRecords(doc: Y.Doc, tr: Y.Transaction): Map<TableName | typeof WORKSHOP_MAP, Set<string>> | null {
  const roots = new Map<unknown, TableName | typeof WORKSHOP_MAP>();
  for (const table of TABLES) roots.set(doc.getMap(table), table);
  roots.set(doc.getMap(WORKSHOP_MAP), WORKSHOP_MAP);
  const touched = new Map<TableName | typeof WORKSHOP_MAP, Set<string>>();
  const mark = (table: TableName | typeof WORKSHOP_MAP, key: string) => {
    let s = touched.get(table);
    if (!s) touched.set(table, (s = new Set()));
    s.add(key);
  };
  for (const [type, keys] of tr.changed) {
    const table = roots.get(type);
    if (table) {
      for (const key of keys) {
        if (key === null) return null;
        mark(table, key);
      }
      continue;
    }
    // A change inside a record: the record is the entry of its table that holds this type.
    let t: YType = type;
    while (t._item && !roots.has(t._item.parent as YType)) t = t._item.parent as YType;
    const item = t._item;
    const owner = item ? roots.get(item.parent as YType) : undefined;
    // Workshop entries are plain values: nothing is nested inside them.
    if (!item || !owner || owner === WORKSHOP_MAP || typeof item.parentSub !== 'string') return null;
    mark(owner, item.parentSub);
  }
  return touched;
}

/**
 * The server's scratch copy of one room: every update a participant sends is applied here first
 * and the records it touched checked; the room's own document takes it only if it passes. The copy
 * follows the room's document (updates from other server processes, too), and is made again from
 * it when an update is refused, so nothing refused stays in it.
 */
export class RoomCheck {
  private scratch!: Y.Doc;
  /** At least the scratch copy's encoded size: exact when measured, then grown by each update. */
  private bytes = 0;
  private readonly follow = (update: Uint8Array, origin: unknown) => {
    // A participant's update was counted when checked (the room takes it a moment later).
    if (!this.checked(origin)) this.bytes += update.length;
    Y.applyUpdate(this.scratch, update);
  };

  /**
   * @param checked whether an update of the room with this origin came through `check` (one from
   * a participant's connection, not from another server process).
   */
  constructor(
    private readonly room: Y.Doc,
    private readonly limits: RoomLimits,
    private readonly checked: (origin: unknown) => boolean,
  ) {
    this.reset();
    room.on('update', this.follow);
  }

  private reset(): void {
    const state = Y.encodeStateAsUpdate(this.room);
    this.scratch = new Y.Doc();
    for (const table of TABLES) this.scratch.getMap(table);
    this.scratch.getMap(WORKSHOP_MAP);
    Y.applyUpdate(this.scratch, state);
    this.bytes = state.length;
  }

  private records(): number {
    let n = 0;
    for (const table of TABLES) n += this.scratch.getMap(table).size;
    return n;
  }

  /** Null when the update may go into the room; otherwise why not. */
  check(update: Uint8Array): Refusal | null {
    const before = this.records();
    let refusal: Refusal | null = null;
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.origin !== CHECK || refusal) return;
      const touched = touchedRecords(this.scratch, tr);
      if (!touched) return void (refusal = 'invalid');
      const lanes = this.scratch.getMap<unknown>('lanes');
      const laneKind = (id: string) => {
        const lane = lanes.get(id);
        return lane instanceof Y.Map ? (lane as Y.Map<unknown>).get('kind') : undefined;
      };
      for (const [table, keys] of touched) {
        const map = this.scratch.getMap<unknown>(table);
        if (table === WORKSHOP_MAP) {
          for (const key of keys) if (!validWorkshopEntry(key, map.get(key))) refusal = 'invalid';
          if (map.size > MAX_WORKSHOP_ENTRIES) refusal = 'full';
          continue;
        }
        for (const key of keys)
          if (map.has(key) && !validRecord(table, key, map.get(key), laneKind)) refusal = 'invalid';
      }
    };
    this.scratch.on('afterTransaction', onTransaction);
    try {
      Y.applyUpdate(this.scratch, update, CHECK);
    } catch {
      refusal = 'invalid';
    } finally {
      this.scratch.off('afterTransaction', onTransaction);
    }
    if (
      !refusal &&
      [...this.scratch.share.keys()].some((name) => name !== WORKSHOP_MAP && !TABLES.includes(name as TableName))
    )
      refusal = 'invalid';
    if (!refusal) {
      const records = this.records();
      if (records > this.limits.maxRecords && records > before) refusal = 'full';
    }
    if (!refusal && this.bytes + update.length > this.limits.maxBytes) {
      // Measured only near the limit: the room's own document takes the update (and counts it) next.
      const exact = Y.encodeStateAsUpdate(this.scratch).length;
      if (exact > this.limits.maxBytes) refusal = 'full';
      else this.bytes = exact;
    } else if (!refusal) this.bytes += update.length;
    if (refusal) this.reset();
    return refusal;
  }

  destroy(): void {
    this.room.off('update', this.follow);
    this.scratch.destroy();
  }
}
