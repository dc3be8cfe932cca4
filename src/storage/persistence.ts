import type { Workspace } from '../domain/types';
import type { WorkspaceStore } from '../store/workspace-store';
import { JourneyDb } from './db';
import { classifyStorageError, errorDetail } from './errors';
import { applyChanges, loadWorkspace, seedOnce } from './load';
import type { StatusStore } from './status';
import { TabSync } from './tab-sync';
import { defaultJournalStorage, UnloadJournal } from './unload-journal';
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
}

export interface Persistence {
  writer: BatchWriter | null;
  flush(): Promise<void>;
  dispose(): void;
}

/**
 * Loads the workspace, then keeps storage in step with the store: local changes are written in
 * batches, other tabs' commits are applied, and pending writes are flushed when the page is
 * hidden or closed. Nothing is written before the load has finished.
 */
export async function startPersistence(opts: PersistenceOptions): Promise<Persistence> {
  const { store, status } = opts;
  const journalStorage = opts.journalStorage === undefined ? defaultJournalStorage() : opts.journalStorage;
  const db = opts.db ?? new JourneyDb();
  db.on('blocked', () => status.setState({ problem: 'blocked', detail: '' }));
  db.on('versionchange', () => {
    // Another tab opened a newer schema: stop writing here rather than corrupt its data.
    db.close();
    status.setState({ problem: 'newerTab', detail: '' });
  });

  let ws: Workspace;
  try {
    await db.open();
    await seedOnce(db, opts.loadSeed);
    const journals = UnloadJournal.collect(journalStorage);
    await applyChanges(db, journals.entries);
    journals.remove();
    ws = await loadWorkspace(db);
  } catch (e) {
    // Private windows and locked-down browsers: work on in memory and say so.
    status.setState({ phase: 'memoryOnly', problem: classifyStorageError(e) === 'quota' ? 'quota' : 'unavailable', detail: errorDetail(e) });
    store.load(await opts.loadSeed());
    return { writer: null, flush: async () => {}, dispose: () => {} };
  }
  store.load(ws);
  performance.mark('jc:workspace-loaded');

  const sync = new TabSync((changes) => store.applyRemote(changes));
  const journal = new UnloadJournal(journalStorage, sync.tabId);
  const writer = new BatchWriter(db, store.getDoc, status, {
    delayMs: opts.delayMs,
    onCommitted: (changes, allSaved) => {
      sync.publish(changes);
      if (allSaved) journal.clear();
    },
  });
  const unsubscribe = store.onChange((changed, origin) => {
    if (origin === 'local') writer.markDirty(changed);
  });

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
  target?.addEventListener('pagehide', flushNow);
  target?.addEventListener('visibilitychange', onVisibility);
  target?.addEventListener('blur', flushNow);
  status.setState({ phase: 'ready' });
  void requestPersistence(status);

  return {
    writer,
    flush: () => writer.flush(),
    dispose() {
      unsubscribe();
      writer.dispose();
      sync.close();
      target?.removeEventListener('pagehide', flushNow);
      target?.removeEventListener('visibilitychange', onVisibility);
      target?.removeEventListener('blur', flushNow);
      db.close();
    },
  };
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
