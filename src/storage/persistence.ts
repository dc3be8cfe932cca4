import type { CommandContext } from '../domain/command';
import type { ImportPlan } from '../domain/format/import-document';
import type { FileDocument } from '../domain/format/schema';
import { randomId } from '../domain/ids';
import { emptyWorkspace, JOURNEY_PART_TABLES, TABLES, type Id, type Workspace } from '../domain/types';
import { remoteRecords, type HistoryEntry, type RemoteChanges, type WorkspaceStore } from '../store/workspace-store';
import type { JourneyCounts } from '../domain/journey-counts';
import type { ChangedRecords } from '../store/changes';
import { JourneyDb, type LiveRec, type TemplateRec } from './db';
import { classifyStorageError, errorDetail } from './errors';
import type { ImportOptions } from './import-transaction';
import { applyInMemory, loadIndex, loadJourneyParts, loadWorkspace, readPartsPaged, seedOnce } from './load';
import type { StatusStore } from './status';
import { nextTask } from '../app/slices';
import { TabSync, type Committed, type CommittedIds } from './tab-sync';
import { defaultJournalStorage, UnloadJournal } from './unload-journal';
import { heldRecords } from './held-records';
import { BatchWriter } from './writer';

export interface PersistenceOptions {
  store: WorkspaceStore;
  status: StatusStore;
  loadSeed: () => Promise<Workspace>;
  db?: JourneyDb;
  delayMs?: number;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: Document };
  /** Where unsaved records go when the page unloads; defaults to localStorage. */
  journalStorage?: Storage | null;
  /** How long to wait before trying again to open a database that exists but failed to open. */
  reopenMs?: number;
  makeContext?: () => CommandContext;
  /** Journeys whose parts a start reads with the list: those the page opens on. */
  preload?: () => readonly Id[];
}

export interface ImportResult {
  plan: ImportPlan;
  /** The step that added the records, for the toast's Undo. */
  entry: HistoryEntry;
}

export interface Persistence {
  writer: BatchWriter | null;
  flush(): Promise<void>;
  /** Writes an import in its own transaction, then shows it: nothing is listed before it is stored. */
  importDocument(doc: FileDocument, options?: ImportOptions): Promise<ImportResult>;
  /** Reads the parts of journeys not in memory yet (opening, comparing, exporting them). */
  loadJourneys(journeyIds: readonly Id[]): Promise<void>;
  /**
   * Reads the parts of journeys as stored, without putting them in memory (Export workspace reads
   * thousands this way, a batch at a time, and the page does not redraw for each).
   */
  readJourneys(journeyIds: readonly Id[], between?: () => void): Promise<Workspace>;
  /** The journeys live in this browser (see LiveRec). */
  liveRecords: LiveRecords;
  /** The user's saved templates. */
  templates: TemplateRecords;
  /**
   * Records the last page changed and could not store before it went (its unload journal),
   * replayed at this start: a live journey's kept document may lack them too.
   */
  replayed: ChangedRecords;
  dispose(): void;
}

export interface TemplateRecords {
  all(): Promise<TemplateRec[]>;
  put(rec: TemplateRec): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface LiveRecords {
  all(): Promise<LiveRec[]>;
  put(rec: LiveRec): Promise<void>;
  remove(journeyId: Id): Promise<void>;
}

/** More journeys than this are read table by table rather than through their index. */
const MANY_JOURNEYS = 200;

/** Errors that mean this browser offers no storage at all (not a workspace that failed to open). */
const NO_STORAGE = new Set(['MissingAPIError', 'SecurityError', 'InvalidAccessError']);

function noStorageAtAll(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i++) {
    if (NO_STORAGE.has(String((cur as { name?: unknown }).name))) return true;
    cur = (cur as { inner?: unknown }).inner;
  }
  return typeof indexedDB === 'undefined';
}

/**
 * Loads the workspace, then keeps storage in step with the store: local changes are written in
 * batches, other tabs' commits are applied, and pending writes are flushed when the page is
 * hidden or closed. Nothing is written before the load has finished.
 *
 * A database that exists but cannot be opened (a full disk, a browser error) is never replaced
 * by the demo: the app says why and tries again until it opens. Only a browser without storage
 * at all (a private window) works in memory, on the demo.
 */
export async function startPersistence(opts: PersistenceOptions): Promise<Persistence> {
  const { store, status } = opts;
  const makeContext = opts.makeContext ?? (() => ({ now: Date.now(), newId: randomId }));
  const journalStorage = opts.journalStorage === undefined ? defaultJournalStorage() : opts.journalStorage;
  const db = opts.db ?? new JourneyDb();
  let opened = false;
  let stopped = false;
  db.on('blocked', () => {
    if (!opened) status.setState({ problem: 'blocked', detail: '' });
  });
  db.on('versionchange', () => {
    // Another tab opened a newer schema: stop writing here rather than corrupt its data.
    stopped = true;
    db.close();
    status.setState({ problem: 'newerTab', detail: '' });
  });

  // Listening starts before the workspace is read: a commit another tab broadcasts while this one
  // loads would otherwise be lost (it may have been read before it was written). Messages that
  // arrive meanwhile wait and are applied once the workspace is in memory.
  // Reading a journey's parts holds them back too: a commit read before the parts would be
  // overwritten by them.
  let loaded = false;
  let reading = 0;
  const early: (() => void)[] = [];
  const whenLoaded = (apply: () => void) => (loaded && reading === 0 ? apply() : early.push(apply));
  const applyEarly = () => {
    if (loaded && reading === 0) for (const apply of early.splice(0)) apply();
  };
  const sync = new TabSync((committed) => whenLoaded(() => void showCommitted(committed)), db.name);
  /**
   * Shows records another tab committed as the database holds them now. The read is a read-write
   * transaction, so it is ordered with this tab's own commits, and the records are put in memory
   * inside it: a commit of ours queued behind it cannot finish first and leave our typed field
   * unprotected against an older value.
   */
  const showCommitted = async ({ ids, counts }: Committed): Promise<void> => {
    const tables = TABLES.filter((t) => ids[t]?.length);
    try {
      if (!db.isOpen()) {
        if (stopped) return;
        await db.open();
      }
      await db.transaction(
        'rw',
        tables.map((t) => db.table(t)),
        async () => {
          const changes: RemoteChanges = { puts: {}, deletes: {}, counts };
          for (const table of tables) {
            const list = ids[table]!;
            const recs = (await db.table(table).bulkGet(list)) as (Record<string, unknown> | undefined)[];
            const puts = recs.filter((r): r is Record<string, unknown> => r !== undefined);
            const deletes = list.filter((_, i) => recs[i] === undefined);
            if (puts.length) changes.puts[table] = puts;
            if (deletes.length) changes.deletes[table] = deletes;
          }
          store.dispatch(remoteRecords(changes, writer.localFields), { source: 'tab' });
        },
      );
    } catch {
      // Storage refused the read (it says why through the writer): the next commit's read, or the
      // next start, shows these records.
    }
  };

  let ws: Workspace;
  let unloaded: Id[] = [];
  let counts: Record<Id, JourneyCounts> = {};
  const journals = UnloadJournal.collect(journalStorage);
  for (;;) {
    try {
      await db.open();
      opened = true;
      // The other tab has let go (or never held on): the "blocked" message has done its work.
      if (status.getState().problem === 'blocked') status.setState({ problem: null, detail: '' });
      await seedOnce(db, opts.loadSeed);
      // Only the list of journeys is read; each journey's parts when it is opened. Records an
      // earlier page could not commit (rare) may belong to any journey: then all are read.
      if (journals.entries.length > 0) ws = await loadWorkspace(db);
      else {
        const index = await loadIndex(db);
        ws = index.doc;
        counts = index.counts;
        // The journey the page opens on is read at once, not after the list.
        const first = new Set((opts.preload?.() ?? []).filter((id) => ws.journeys[id]));
        if (first.size > 0) {
          const parts = await loadJourneyParts(db, [...first]);
          for (const table of JOURNEY_PART_TABLES) Object.assign(ws[table], parts[table]);
        }
        unloaded = Object.keys(ws.journeys).filter((id) => !first.has(id));
      }
      break;
    } catch (e) {
      if (noStorageAtAll(e)) {
        // Private windows and locked-down browsers: work on in memory and say so.
        status.setState({ phase: 'memoryOnly', problem: 'unavailable', detail: errorDetail(e) });
        sync.close();
        store.dispatch({ kind: 'load', doc: await opts.loadSeed() }, { source: 'load' });
        return memoryOnly(store, makeContext, opts.target ?? (typeof window !== 'undefined' ? window : undefined));
      }
      db.close();
      opened = false;
      const problem = classifyStorageError(e);
      status.setState({
        phase: 'failed',
        problem: problem === 'quota' ? 'quota' : 'openFailed',
        detail: errorDetail(e),
      });
      await waitForRetry(status, opts.reopenMs ?? 5000);
    }
  }
  // Records an earlier page could not commit: shown at once and written like any change, so a
  // database that refuses writes (a full disk) still opens with all of the work in it.
  const replayed = applyInMemory(ws, journals.entries);
  store.dispatch({ kind: 'load', doc: ws, index: { unloaded, counts } }, { source: 'load' });
  performance.mark('jc:workspace-loaded');

  const journal = new UnloadJournal(journalStorage, sync.tabId);
  const writer = new BatchWriter(db, store.getDoc, status, {
    delayMs: opts.delayMs,
    canReopen: () => !stopped,
    journeyLoaded: store.isLoaded,
    onCommitted: (changes, allSaved) => {
      sync.publish({ ids: idsOfChanges(changes), counts: changes.counts });
      // A record merged with another tab's fields is now what the database holds: show that.
      store.dispatch(remoteRecords(changes, writer.localFields), { source: 'tab' });
      if (allSaved) {
        journal.clear();
        journals.remove();
      }
    },
  });
  if (replayed.size > 0) writer.markDirty(replayed, undefined, Object.keys(ws.journeys));
  // Chromium discards a database it failed to write (a full disk) and opens an empty one at the
  // next open: everything this tab holds is written again, and what it cannot is named.
  db.onCreated = () => {
    const held = heldRecords(store.getDoc(), store.isLoaded);
    writer.markDirty(held.changed, undefined, held.journeys);
    if (held.lost.length > 0) status.setState((s) => ({ lost: [...s.lost, ...held.lost] }));
  };
  loaded = true;
  applyEarly();
  const unsubscribe = store.onChange((changed, origin, patches, journeys) => {
    // Local changes, and a live session's, are this tab's to store; another tab stored its own.
    if (origin === 'local' || origin === 'live') writer.markDirty(changed, patches, journeys);
  });

  // The browser closes the connection after a disk error: open it again to read.
  const readJourneys = async (journeyIds: readonly Id[], between?: () => void): Promise<Workspace> => {
    if (!db.isOpen() && !stopped) await db.open();
    // A few journeys through their index; many by reading the tables page by page.
    return journeyIds.length > MANY_JOURNEYS
      ? readPartsPaged(db, new Set(journeyIds), undefined, between)
      : loadJourneyParts(db, journeyIds);
  };
  const reads = new Map<Id, Promise<void>>();
  const loadJourneys = async (journeyIds: readonly Id[]): Promise<void> => {
    const wanted = journeyIds.filter((id) => !store.isLoaded(id) && !reads.has(id));
    if (wanted.length > 0) {
      reading += 1;
      const read = readJourneys(wanted)
        .then((parts) => void store.dispatch({ kind: 'loadParts', parts, journeyIds: wanted }, { source: 'load' }))
        .finally(() => {
          for (const id of wanted) reads.delete(id);
          reading -= 1;
          applyEarly();
        });
      for (const id of wanted) reads.set(id, read);
    }
    await Promise.all(journeyIds.map((id) => reads.get(id)));
  };

  let importing = 0;
  const target = opts.target ?? (typeof window !== 'undefined' ? window : undefined);
  // The page may be gone before the transaction commits: keep a synchronous copy as well.
  const flushNow = () => {
    const unsaved = writer.unsaved();
    if (unsaved) journal.write(unsaved);
    void writer.flush();
  };
  const onVisibility = () => {
    if (target?.document?.visibilityState === 'hidden') flushNow();
  };
  // The journal covers an ordinary edit; an import being written, or changes that storage keeps
  // refusing (the journal may be refused too, on a full disk), are worth a "Leave page?".
  const onBeforeUnload = askBeforeLeavingWhen(
    () => importing > 0 || (status.getState().problem !== null && writer.hasPending()),
  );
  target?.addEventListener('pagehide', flushNow);
  target?.addEventListener('visibilitychange', onVisibility);
  // Leaving the window for another app is when a mobile or low-memory system may end the tab
  // without a pagehide: save then too.
  target?.addEventListener('blur', flushNow);
  target?.addEventListener('beforeunload', onBeforeUnload);
  status.setState({ phase: 'ready', problem: null, detail: '' });
  void requestPersistence(status);

  return {
    writer,
    replayed,
    flush: () => writer.flush(),
    loadJourneys,
    readJourneys,
    liveRecords: {
      all: () => db.live.toArray(),
      put: async (rec) => {
        await db.live.put(rec);
      },
      remove: (journeyId) => db.live.delete(journeyId),
    },
    templates: {
      all: () => db.templates.orderBy('id').toArray(),
      put: async (rec) => {
        await db.templates.put(rec);
      },
      remove: (id) => db.templates.delete(id),
    },
    async importDocument(doc, options) {
      importing += 1;
      try {
        // Only imports need the planner: it stays out of the first bundle.
        const { importInTransaction } = await import('./import-transaction');
        const plan = await importInTransaction(db, doc, makeContext(), store.getDoc(), {
          ...options,
          reserved: store.restorable(),
        });
        // The step's patches, the merged tables and the change itself in three tasks: each stays
        // short even for a 12 MB workspace.
        const prepared = store.prepareCommitted(plan.records);
        await nextTask();
        store.premergeCommitted(prepared);
        await nextTask();
        const entry = store.dispatch({ kind: 'insert', prepared }, { source: 'import' })!;
        sync.publish({ ids: idsOf(plan.records) });
        return { plan, entry };
      } finally {
        importing -= 1;
      }
    },
    dispose() {
      unsubscribe();
      db.onCreated = null;
      writer.dispose();
      sync.close();
      target?.removeEventListener('pagehide', flushNow);
      target?.removeEventListener('visibilitychange', onVisibility);
      target?.removeEventListener('blur', flushNow);
      target?.removeEventListener('beforeunload', onBeforeUnload);
      db.close();
    },
  };
}

/** A `beforeunload` handler that makes the browser ask "Leave page?" while `risky()` holds. */
function askBeforeLeavingWhen(risky: () => boolean): (e: Event) => void {
  return (e) => {
    if (!risky()) return;
    e.preventDefault();
    (e as BeforeUnloadEvent).returnValue = '';
  };
}

/** Waits until the retry time has passed or the user asked to try again (status.retryOpen). */
function waitForRetry(status: StatusStore, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const unsubscribe = status.subscribe((s, prev) => {
      if (s.openAttempt !== prev.openAttempt) done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

/**
 * Without storage, work lives only in this tab: once anything was changed, leaving the page asks
 * first (the alert has said so since the start).
 */
function memoryOnly(
  store: WorkspaceStore,
  makeContext: () => CommandContext,
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): Persistence {
  let changed = false;
  const unsubscribe = store.onChange((_, origin) => {
    if (origin === 'local' || origin === 'live' || origin === 'import') changed = true;
  });
  const onBeforeUnload = askBeforeLeavingWhen(() => changed);
  target?.addEventListener('beforeunload', onBeforeUnload);
  return {
    writer: null,
    replayed: new Map(),
    flush: async () => {},
    loadJourneys: async () => {},
    readJourneys: async () => emptyWorkspace(),
    liveRecords: { all: async () => [], put: async () => {}, remove: async () => {} },
    templates: memoryTemplates(),
    async importDocument(doc) {
      const { addRecords, planImport, targetOf } = await import('../domain/format/import-document');
      const plan = planImport(doc, makeContext(), targetOf(store.getDoc()));
      return { plan, entry: store.dispatch(addRecords(plan.records)) };
    },
    dispose: () => {
      unsubscribe();
      target?.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}

function idsOf(records: Workspace): CommittedIds {
  const ids: CommittedIds = {};
  for (const table of TABLES) {
    const list = Object.keys(records[table]);
    if (list.length) ids[table] = list;
  }
  return ids;
}

function idsOfChanges(changes: RemoteChanges): CommittedIds {
  const ids: CommittedIds = {};
  for (const table of TABLES) {
    const list = [...(changes.puts[table] ?? []).map((r) => r.id as Id), ...(changes.deletes[table] ?? [])];
    if (list.length) ids[table] = list;
  }
  return ids;
}

/** Asks once per start that the browser not evict our data under storage pressure. */
async function requestPersistence(status: StatusStore): Promise<void> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persisted) return;
  try {
    const persistent = (await storage.persisted()) || (await storage.persist());
    status.setState({ persistent });
  } catch {
    status.setState({ persistent: false });
  }
}

/** Saved templates for a workspace kept in memory only: they last as long as the page. */
function memoryTemplates(): TemplateRecords {
  const kept = new Map<string, TemplateRec>();
  return {
    all: async () => [...kept.values()],
    put: async (rec) => void kept.set(rec.id, rec),
    remove: async (id) => void kept.delete(id),
  };
}
