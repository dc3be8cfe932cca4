import { countParts, type JourneyCounts } from '../domain/journey-counts';
import type { Id, TableName, Workspace } from '../domain/types';
import { JOURNEY_PART_TABLES, TABLES } from '../domain/types';
import { countChanged, mergeChanged, type ChangedRecords } from '../store/changes';
import type { Patch } from 'immer';
import type { RemoteChanges } from '../store/workspace-store';
import type { JourneyDb } from './db';
import { classifyStorageError, errorDetail } from './errors';
import type { StatusStore } from './status';

export interface WriterOptions {
  /** How long changes gather before one transaction commits them. */
  delayMs?: number;
  /**
   * Called with what a committed transaction wrote (for other tabs, and for this tab: a record
   * merged with another tab's fields is not what memory held).
   */
  onCommitted?: (changes: RemoteChanges, allSaved: boolean) => void;
  retryMs?: readonly number[];
  /** Whether a connection the browser closed may be opened again (not after a newer tab's upgrade). */
  canReopen?: () => boolean;
  /** Whether a journey's parts are in memory: only then are its counts known here. */
  journeyLoaded?: (journeyId: Id) => boolean;
}

/** Which fields of a record changed here: a set of field names, or the whole record. */
export type FieldChanges = Set<string> | 'all';
type FieldMap = Map<string, FieldChanges>;

const recordKey = (table: TableName, id: Id) => `${table}/${id}`;
const PART_TABLES: ReadonlySet<TableName> = new Set(JOURNEY_PART_TABLES);

/**
 * The last line of defence of the one identity rule: records that would be written over a stored
 * record of another journey. Nothing of their batch is written.
 */
export class RecordClash extends Error {
  constructor(readonly records: readonly { table: TableName; id: Id }[]) {
    super(`records of another journey: ${records.map((r) => `${r.table}/${r.id}`).join(', ')}`);
    this.name = 'RecordClash';
  }
}

/** The fields each patch touched; a patch on a whole record (added, removed, replaced) is 'all'. */
export function changedFields(patches: readonly Patch[], into: FieldMap = new Map()): FieldMap {
  for (const p of patches) {
    const key = recordKey(p.path[0] as TableName, p.path[1] as Id);
    const field = p.path.length > 2 ? String(p.path[2]) : null;
    mergeField(into, key, field === null ? 'all' : new Set([field]));
  }
  return into;
}

function mergeField(into: FieldMap, key: string, change: FieldChanges): void {
  const had = into.get(key);
  if (had === 'all' || change === 'all') into.set(key, 'all');
  else if (had) for (const f of change) had.add(f);
  else into.set(key, new Set(change));
}

function mergeFields(into: FieldMap, from: FieldMap): FieldMap {
  for (const [key, change] of from) mergeField(into, key, change === 'all' ? 'all' : new Set(change));
  return into;
}

/**
 * Gathers the records touched by changes and commits them together, in one transaction per
 * batch, reading each record's latest value from memory at commit time. A record of which only
 * some fields changed here is merged into the stored one field by field, inside the transaction,
 * so another tab's edit of another field of it survives. A failed batch stays pending (memory
 * still holds the data) and is retried, and the problem is shown.
 */
export class BatchWriter {
  private pending: ChangedRecords = new Map();
  private pendingFields: FieldMap = new Map();
  /** Journeys whose stored counts the pending changes may alter. */
  private pendingJourneys = new Set<Id>();
  private inflightFields: FieldMap | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private inflightBatch: ChangedRecords | null = null;
  /** When the oldest change still pending was made: the start of "edit to durable". */
  private pendingSince: number | null = null;
  private failures = 0;
  private readonly delayMs: number;
  private readonly retryMs: readonly number[];

  constructor(
    private readonly db: JourneyDb,
    private readonly getDoc: () => Workspace,
    private readonly status: StatusStore,
    private readonly options: WriterOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 150;
    this.retryMs = options.retryMs ?? [1000, 2000, 5000];
  }

  /** Without patches, every changed record counts as changed whole. */
  markDirty(changed: ChangedRecords, patches?: readonly Patch[], journeys: Iterable<Id> = []): void {
    this.pendingSince ??= performance.now();
    mergeChanged(this.pending, changed);
    for (const id of journeys) this.pendingJourneys.add(id);
    if (patches) changedFields(patches, this.pendingFields);
    else
      for (const [table, ids] of changed)
        for (const id of ids) mergeField(this.pendingFields, recordKey(table, id), 'all');
    this.status.setState({ pending: countChanged(this.pending) });
    this.schedule(this.delayMs);
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.inflight !== null;
  }

  /** The fields of a record changed here and not yet known to be committed. */
  localFields = (table: TableName, id: Id): FieldChanges | undefined => {
    const key = recordKey(table, id);
    const a = this.pendingFields.get(key);
    const b = this.inflightFields?.get(key);
    if (!a || !b) return a ?? b;
    const merged: FieldMap = new Map([[key, a === 'all' ? 'all' : new Set(a)]]);
    mergeField(merged, key, b);
    return merged.get(key);
  };

  private schedule(ms: number): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Commits everything pending now; resolves when it is durable (or has failed and is kept). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // One transaction at a time, so a later batch never lands before an earlier one.
    while (this.inflight) await this.inflight;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    const fields = this.pendingFields;
    const journeys = this.pendingJourneys;
    const since = this.pendingSince ?? performance.now();
    this.pending = new Map();
    this.pendingFields = new Map();
    this.pendingJourneys = new Set();
    this.pendingSince = null;
    this.inflightBatch = batch;
    this.inflightFields = fields;
    this.inflight = this.write(batch, fields, journeys, since).finally(() => {
      this.inflight = null;
      this.inflightBatch = null;
      this.inflightFields = null;
    });
    await this.inflight;
  }

  /** Every record changed in memory and not yet known to be committed, with its current value. */
  unsaved(): RemoteChanges | null {
    const all = mergeChanged(new Map(), this.pending);
    if (this.inflightBatch) mergeChanged(all, this.inflightBatch);
    return all.size === 0 ? null : this.changesOf(all);
  }

  private changesOf(batch: ChangedRecords): RemoteChanges {
    const doc = this.getDoc();
    const changes: RemoteChanges = { puts: {}, deletes: {} };
    for (const [table, ids] of batch) {
      const records = doc[table] as Record<Id, object>;
      const puts: Record<string, unknown>[] = [];
      const deletes: Id[] = [];
      for (const id of ids) {
        const rec = records[id];
        if (rec) puts.push(rec as Record<string, unknown>);
        else deletes.push(id);
      }
      if (puts.length) changes.puts[table] = puts;
      if (deletes.length) changes.deletes[table] = deletes;
    }
    return changes;
  }

  /** The counts to store of the journeys a batch touched, from memory (null: the journey is gone). */
  private countsOf(journeys: ReadonlySet<Id>): Record<Id, JourneyCounts | null> {
    const doc = this.getDoc();
    const loaded = this.options.journeyLoaded ?? (() => true);
    const known = new Set([...journeys].filter((id) => doc.journeys[id] && loaded(id)));
    const counted = countParts(doc, known);
    const out: Record<Id, JourneyCounts | null> = {};
    for (const id of journeys) {
      if (!doc.journeys[id]) out[id] = null;
      else if (known.has(id)) out[id] = counted.get(id)!;
    }
    return out;
  }

  private async write(
    batch: ChangedRecords,
    fields: FieldMap,
    journeys: ReadonlySet<Id>,
    since: number,
  ): Promise<void> {
    const changes = this.changesOf(batch);
    if (journeys.size > 0) changes.counts = this.countsOf(journeys);
    const tables = TABLES.filter((t) => batch.has(t)).map((t) => this.db.table(t));
    if (changes.counts) tables.push(this.db.table('summaries'));
    try {
      // The browser closes a connection after a disk error (a full disk): open it again.
      if (!this.db.isOpen() && (this.options.canReopen?.() ?? true)) await this.db.open();
      await this.db.transaction('rw', tables, async () => {
        for (const [table, recs] of Object.entries(changes.puts) as [TableName, Record<string, unknown>[]][]) {
          const owned = PART_TABLES.has(table);
          // A part written whole is read too: it must not land on another journey's record.
          const read = owned ? recs : recs.filter((r) => fields.get(recordKey(table, r.id as Id)) !== 'all');
          if (read.length > 0) {
            const stored = (await this.db.table(table).bulkGet(read.map((r) => r.id as Id))) as (
              Record<string, unknown> | undefined
            )[];
            const byId = new Map(read.map((r, i) => [r.id as Id, stored[i]]));
            if (owned) {
              const clashes = recs.filter((r) => {
                const inDb = byId.get(r.id as Id);
                return inDb !== undefined && inDb.journeyId !== r.journeyId;
              });
              if (clashes.length > 0) throw new RecordClash(clashes.map((r) => ({ table, id: r.id as Id })));
            }
            changes.puts[table] = recs.flatMap((r) => {
              const change = fields.get(recordKey(table, r.id as Id));
              if (change === 'all' || change === undefined) return [r];
              const inDb = byId.get(r.id as Id);
              // Deleted by another tab meanwhile: a field edit does not bring it back.
              if (!inDb) {
                (changes.deletes[table] ??= []).push(r.id as Id);
                return [];
              }
              return [mergeRecord(inDb, r, change)];
            });
          }
          await this.db.table(table).bulkPut(changes.puts[table]!);
        }
        for (const [table, ids] of Object.entries(changes.deletes) as [TableName, Id[]][]) {
          await this.db.table(table).bulkDelete(ids);
        }
        if (changes.counts) {
          const entries = Object.entries(changes.counts);
          await this.db.summaries.bulkPut(entries.flatMap(([, c]) => (c ? [c] : [])));
          await this.db.summaries.bulkDelete(entries.filter(([, c]) => !c).map(([id]) => id));
        }
      });
      this.failures = 0;
      // Read by `npm run bench` (edit to durable); a no-op cost otherwise.
      performance.measure('jc:durable', { start: since, end: performance.now() });
      // A refused clash stays said until dismissed: the rest being saved does not answer it.
      this.status.setState((st) => ({
        ...(st.problem === 'clash' ? {} : { problem: null, detail: '' }),
        pending: countChanged(this.pending),
        lastSavedAt: Date.now(),
      }));
      this.options.onCommitted?.(changes, this.pending.size === 0);
    } catch (e) {
      if (e instanceof RecordClash) {
        this.refuse(e, batch, fields, journeys, since);
        return;
      }
      // Keep the batch: newer changes to the same records are already in `pending`, and the
      // writer reads values from memory at commit time, so merging loses nothing.
      this.requeue(batch, fields, journeys, since);
      this.failures += 1;
      this.status.setState({
        problem: classifyStorageError(e),
        detail: errorDetail(e),
        pending: countChanged(this.pending),
      });
      const delay = this.retryMs[Math.min(this.failures - 1, this.retryMs.length - 1)] ?? 10_000;
      this.schedule(delay);
    }
  }

  private requeue(batch: ChangedRecords, fields: FieldMap, journeys: ReadonlySet<Id>, since: number): void {
    mergeChanged(this.pending, batch);
    mergeFields(this.pendingFields, fields);
    for (const id of journeys) this.pendingJourneys.add(id);
    this.pendingSince = Math.min(this.pendingSince ?? since, since);
  }

  /**
   * A batch that would have put records over another journey's: nothing of it was written. The
   * clashing records are dropped from it (memory keeps them, and says why), the rest is written
   * again at once.
   */
  private refuse(
    clash: RecordClash,
    batch: ChangedRecords,
    fields: FieldMap,
    journeys: ReadonlySet<Id>,
    since: number,
  ) {
    for (const { table, id } of clash.records) {
      const ids = batch.get(table);
      ids?.delete(id);
      if (ids?.size === 0) batch.delete(table);
      fields.delete(recordKey(table, id));
    }
    this.requeue(batch, fields, journeys, since);
    this.status.setState({
      problem: 'clash',
      detail: clash.records.map((r) => `${r.table}/${r.id}`).join(', '),
      pending: countChanged(this.pending),
    });
    if (this.pending.size > 0) this.schedule(0);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The stored record with this tab's changed fields (a field removed here is removed there). */
function mergeRecord(
  stored: Record<string, unknown>,
  ours: Record<string, unknown>,
  fields: ReadonlySet<string>,
): Record<string, unknown> {
  const out = { ...stored };
  for (const f of fields) {
    if (f in ours) out[f] = ours[f];
    else delete out[f];
  }
  return out;
}
