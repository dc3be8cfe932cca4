import * as Y from 'yjs';
import { isSafeKey } from '../domain/ids';
import { checkRemoteRecord } from '../domain/remote-records';
import { emptyWorkspace, LIMITS, TABLES, type TableName } from '../domain/types';
import { BALLOT_PREFIX, TIMER_ENTRY, VOTE_ENTRY, WORKSHOP_MAP } from '../live/protocol';

/** How much one room may hold. */
export interface RoomLimits {
  /** Records of all tables together. */
  maxRecords: number;
  /** The room's Yjs document, encoded, in bytes. */
  maxBytes: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = { maxRecords: 5_000, maxBytes: 3 * 1024 * 1024 };

/** Why an update was refused: it breaks the journey's rules, or the room would grow past its limits. */
export type Refusal = 'invalid' | 'full' | 'facilitator';

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

/** Each journey's vote rounds, as text to compare before and after a change. */
function voteRounds(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, rec] of doc.getMap<unknown>('journeys').entries())
    if (rec instanceof Y.Map) out.set(id, JSON.stringify((rec as Y.Map<unknown>).get('voteRounds') ?? null));
  return out;
}

/**
 * Whether a change rewrote the vote rounds of a journey the room held before it (a journey shared
 * into the room brings its own rounds: that is no vote closed).
 */
function roundsRewritten(before: Map<string, string>, doc: Y.Doc): boolean {
  const after = voteRounds(doc);
  for (const [id, rounds] of before) if (after.has(id) && after.get(id) !== rounds) return true;
  return false;
}

/** How much of a document waits for changes it builds on (bytes of its pending structs and deletions). */
const pending = (doc: Y.Doc): number =>
  (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);

/**
 * What the server knows of one room, to check changes against: a copy of the room's document, and
 * a scratch copy every update a participant sends is applied to first, the records it touched
 * checked. The update goes into the room only if it passes; one refused leaves the scratch copy
 * to be made again from the room's copy, so nothing refused stays in it. Kept off the server's
 * main thread (see `room-work.ts`): making a copy of a large room takes as long as loading it.
 */
export class RoomCheck {
  private readonly copy = new Y.Doc({ gc: true });
  private scratch: Y.Doc | null = null;
  /** At least the room's encoded size: exact when measured, then grown by each update. */
  private bytes: number;

  constructor(
    state: Uint8Array,
    private readonly limits: RoomLimits,
  ) {
    Y.applyUpdate(this.copy, state);
    this.bytes = state.length;
  }

  /** A change the room took without a check (another server process's, relayed). */
  follow(update: Uint8Array): void {
    Y.applyUpdate(this.copy, update);
    if (this.scratch) Y.applyUpdate(this.scratch, update);
    this.bytes += update.length;
  }

  private scratchCopy(): Y.Doc {
    if (this.scratch) return this.scratch;
    const scratch = new Y.Doc({ gc: true });
    for (const table of TABLES) scratch.getMap(table);
    scratch.getMap(WORKSHOP_MAP);
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.copy));
    return (this.scratch = scratch);
  }

  private static records(doc: Y.Doc): number {
    let n = 0;
    for (const table of TABLES) n += doc.getMap(table).size;
    return n;
  }

  /**
   * Null when the update may go into the room (the room's copy then holds it); otherwise why not.
   * Only a facilitator's change may set the vote or the timer, remove people's dots, or write a
   * journey's vote rounds (a vote closed).
   */
  check(update: Uint8Array, facilitator = true): Refusal | null {
    const scratch = this.scratchCopy();
    const before = RoomCheck.records(scratch);
    const rounds = facilitator ? null : voteRounds(scratch);
    const waited = pending(scratch);
    let refusal: Refusal | null = null;
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.origin !== CHECK || refusal) return;
      const touched = touchedRecords(scratch, tr);
      if (!touched) return void (refusal = 'invalid');
      const lanes = scratch.getMap<unknown>('lanes');
      const laneKind = (id: string) => {
        const lane = lanes.get(id);
        return lane instanceof Y.Map ? (lane as Y.Map<unknown>).get('kind') : undefined;
      };
      for (const [table, keys] of touched) {
        const map = scratch.getMap<unknown>(table);
        if (table === WORKSHOP_MAP) {
          for (const key of keys) if (!validWorkshopEntry(key, map.get(key))) refusal = 'invalid';
          if (!facilitator && !refusal)
            for (const key of keys)
              if (key === VOTE_ENTRY || key === TIMER_ENTRY || (key.startsWith(BALLOT_PREFIX) && !map.has(key)))
                refusal = 'facilitator';
          if (map.size > MAX_WORKSHOP_ENTRIES) refusal = 'full';
          continue;
        }
        for (const key of keys)
          if (map.has(key) && !validRecord(table, key, map.get(key), laneKind)) refusal = 'invalid';
      }
    };
    scratch.on('afterTransaction', onTransaction);
    try {
      Y.applyUpdate(scratch, update, CHECK);
    } catch {
      refusal = 'invalid';
    } finally {
      scratch.off('afterTransaction', onTransaction);
    }
    // What cannot be placed (it builds on a change the room never took) would wait in the room's
    // memory unchecked, and make every later change slower: refused, as the change it builds on was.
    if (!refusal && pending(scratch) > waited) refusal = 'invalid';
    if (
      !refusal &&
      [...scratch.share.keys()].some((name) => name !== WORKSHOP_MAP && !TABLES.includes(name as TableName))
    )
      refusal = 'invalid';
    if (!refusal && rounds && roundsRewritten(rounds, scratch)) refusal = 'facilitator';
    if (!refusal) {
      const records = RoomCheck.records(scratch);
      if (records > this.limits.maxRecords && records > before) refusal = 'full';
    }
    if (!refusal && this.bytes + update.length > this.limits.maxBytes) {
      // Measured only near the limit.
      const exact = Y.encodeStateAsUpdate(scratch).length;
      if (exact > this.limits.maxBytes) refusal = 'full';
      else this.bytes = exact;
    } else if (!refusal) this.bytes += update.length;
    if (refusal) {
      scratch.destroy();
      this.scratch = null;
    } else Y.applyUpdate(this.copy, update);
    return refusal;
  }

  destroy(): void {
    this.copy.destroy();
    this.scratch?.destroy();
  }
}
