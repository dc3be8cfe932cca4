import type { Id, TableName, Workspace } from '../domain/types';
import { TABLES } from '../domain/types';
import { countChanged, mergeChanged, type ChangedRecords } from '../store/changes';
import type { RemoteChanges } from '../store/workspace-store';
import type { JourneyDb } from './db';
import { classifyStorageError, errorDetail } from './errors';
import type { StatusStore } from './status';

export interface WriterOptions {
  /** How long changes gather before one transaction commits them. */
  delayMs?: number;
  /** Called with what a committed transaction wrote (for other tabs). */
  onCommitted?: (changes: RemoteChanges, allSaved: boolean) => void;
  retryMs?: readonly number[];
}

/**
 * Gathers the records touched by changes and commits them together, in one transaction per
 * batch, reading each record's latest value from memory at commit time. A failed batch stays
 * pending (memory still holds the data) and is retried, and the problem is shown.
 */
export class BatchWriter {
  private pending: ChangedRecords = new Map();
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
    this.retryMs = options.retryMs ?? [1000, 3000, 10_000];
  }

  markDirty(changed: ChangedRecords): void {
    this.pendingSince ??= performance.now();
    mergeChanged(this.pending, changed);
    this.status.setState({ pending: countChanged(this.pending) });
    this.schedule(this.delayMs);
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.inflight !== null;
  }

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
    const since = this.pendingSince ?? performance.now();
    this.pending = new Map();
    this.pendingSince = null;
    this.inflightBatch = batch;
    this.inflight = this.write(batch, since).finally(() => {
      this.inflight = null;
      this.inflightBatch = null;
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

  private async write(batch: ChangedRecords, since: number): Promise<void> {
    const changes = this.changesOf(batch);
    const tables = TABLES.filter((t) => batch.has(t)).map((t) => this.db.table(t));
    try {
      await this.db.transaction('rw', tables, async () => {
        for (const [table, recs] of Object.entries(changes.puts) as [TableName, object[]][]) {
          await this.db.table(table).bulkPut(recs);
        }
        for (const [table, ids] of Object.entries(changes.deletes) as [TableName, Id[]][]) {
          await this.db.table(table).bulkDelete(ids);
        }
      });
      this.failures = 0;
      // Read by `npm run bench` (edit to durable); a no-op cost otherwise.
      performance.measure('jc:durable', { start: since, end: performance.now() });
      this.status.setState({ problem: null, detail: '', pending: countChanged(this.pending), lastSavedAt: Date.now() });
      this.options.onCommitted?.(changes, this.pending.size === 0);
    } catch (e) {
      // Keep the batch: newer changes to the same records are already in `pending`, and the
      // writer reads values from memory at commit time, so merging loses nothing.
      mergeChanged(this.pending, batch);
      this.pendingSince = Math.min(this.pendingSince ?? since, since);
      this.failures += 1;
      this.status.setState({ problem: classifyStorageError(e), detail: errorDetail(e), pending: countChanged(this.pending) });
      const delay = this.retryMs[Math.min(this.failures - 1, this.retryMs.length - 1)] ?? 10_000;
      this.schedule(delay);
    }
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
