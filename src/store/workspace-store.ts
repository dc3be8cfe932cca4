import { enablePatches, produceWithPatches, type Patch } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DomainError, type Command, type CommandContext } from '../domain/command';
import { randomId } from '../domain/ids';
import type { JourneyCounts } from '../domain/journey-counts';
import { emptyWorkspace, TABLES, type Id, type TableName, type Workspace } from '../domain/types';
import { changedRecords, type ChangedRecords } from './changes';
import { putRemote } from './remote-changes';
import {
  applyStep,
  EMPTY_HISTORY,
  restorableIds,
  journeysTouched,
  scopeOf,
  type History,
  type HistoryEntry,
} from './history';

export { WORKSPACE_SCOPE, type History, type HistoryEntry } from './history';

enablePatches();

/** How long a pause in typing ends an undo step. */
export const MERGE_WINDOW_MS = 1500;

/**
 * Where a change came from. `local`: this person (a command, undo, redo); `tab`: another tab's
 * commit, already stored; `live`: a live room's participants; `load`: records read from storage;
 * `import`: records an import has already stored in its own transaction. Only `local` changes are
 * checked against permissions and kept in history; `local` and `live` ones are this tab's to store.
 */
export type ChangeSource = 'local' | 'tab' | 'live' | 'load' | 'import';
/** `journeys`: the journeys a change touched, whose stored counts the writer updates. */
export type ChangeListener = (
  changed: ChangedRecords,
  source: ChangeSource,
  patches: readonly Patch[],
  journeys: ReadonlySet<Id>,
) => void;

export interface WorkspaceState {
  doc: Workspace;
  /** One undo history per journey (and one for the workspace), holding only this user's steps. */
  histories: Record<string, History>;
  /**
   * Journeys listed but whose parts (stages, lanes, cards, connections) are not in memory: a start
   * reads only the list, and a journey's parts are read when it is opened, compared or exported.
   */
  unloaded: Record<Id, true>;
  /** The stored part counts of the journeys in `unloaded` (a loaded journey is counted live). */
  counts: Record<Id, JourneyCounts>;
}

/** What a start read: the list of journeys, and the counts of those whose parts are not read. */
export interface LoadedIndex {
  unloaded: Id[];
  counts: Record<Id, JourneyCounts>;
}

export interface RemoteChanges {
  puts: Partial<Record<TableName, Record<string, unknown>[]>>;
  deletes: Partial<Record<TableName, Id[]>>;
  /** Journeys' stored counts as committed (null: the journey is gone). */
  counts?: Record<Id, JourneyCounts | null>;
}

/** Fields of a record that have changed here and are not yet committed: a remote copy keeps ours. */
export type LocalFields = (table: TableName, id: Id) => ReadonlySet<string> | 'all' | undefined;

export const HISTORY_LIMIT = 500;

type ReadonlyStoreApi<T> = Pick<StoreApi<T>, 'getState' | 'getInitialState' | 'subscribe'>;

/** An import's records with the patches of their step, made ahead of putting them in. */
export interface PreparedInsert {
  records: Workspace;
  patches: Patch[];
  inverse: Patch[];
  /** Tables already merged with the records, and the table each was merged into. */
  merged: Map<TableName, { base: unknown; table: Record<Id, unknown> }>;
}

/** A table with the records added: a loop, not a spread (twice as quick on 100,000 records). */
function mergeTable(base: Record<Id, unknown>, recs: Record<Id, unknown>): Record<Id, unknown> {
  const merged: Record<Id, unknown> = { ...base };
  for (const id in recs) merged[id] = recs[id];
  return merged;
}

export interface DispatchOptions {
  /** Who made the change (`local` unless said). */
  source?: ChangeSource;
  history?: boolean;
  mergeKey?: string;
}

/**
 * The changes that are not a domain command: stepping through a history, records from elsewhere,
 * and reading from storage. They go through `dispatch` like commands, so there is one way in.
 */
export type StoreChange =
  | { kind: 'undo'; scope: string }
  | { kind: 'redo'; scope: string }
  /** Takes back one particular step (a toast's Undo), even when other steps came after it. */
  | { kind: 'revert'; entry: HistoryEntry }
  /** Records committed by another tab, or sent by a live room's participants. */
  | { kind: 'remote'; changes: RemoteChanges; localFields?: LocalFields }
  /** A start: the workspace as read, with the journeys whose parts were not read. */
  | { kind: 'load'; doc: Workspace; index?: LoadedIndex }
  /** The parts of journeys just read; from then on they are kept up to date like any record. */
  | { kind: 'loadParts'; parts: Workspace; journeyIds: readonly Id[] }
  /** Records an import has already stored (see `prepareCommitted`). */
  | { kind: 'insert'; prepared: PreparedInsert; name?: string };

export const undoStep = (scope: string): StoreChange => ({ kind: 'undo', scope });
export const redoStep = (scope: string): StoreChange => ({ kind: 'redo', scope });
export const revertStep = (entry: HistoryEntry): StoreChange => ({ kind: 'revert', entry });
export const remoteRecords = (changes: RemoteChanges, localFields?: LocalFields): StoreChange => ({
  kind: 'remote',
  changes,
  localFields,
});

export interface WorkspaceStoreOptions {
  makeContext?: () => CommandContext;
  /**
   * Whether this person may change a journey (a journey joined by a view link may not). Checked
   * for every local change, per journey it touches, whichever screen it comes from.
   */
  canChange?: (journeyId: Id) => boolean;
}

/**
 * The open workspace. Every change goes through `dispatch`: a command run through immer, a step of
 * a history, records from another tab or a live room, or records read from storage. Its patches
 * update the state and tell listeners (rendering, storage, the live room) what changed; a local
 * step's inverse patches become the undo step of the journey it changed.
 */
export function createWorkspaceStore(options: WorkspaceStoreOptions = {}) {
  const makeContext = options.makeContext ?? (() => ({ now: Date.now(), newId: randomId }));
  const canChange = options.canChange ?? (() => true);
  const store = createStore<WorkspaceState>(() => ({ doc: emptyWorkspace(), histories: {}, unloaded: {}, counts: {} }));
  const listeners = new Set<ChangeListener>();

  const NONE: ReadonlySet<Id> = new Set();
  const emit = (patches: readonly Patch[], source: ChangeSource, before?: Workspace) => {
    if (patches.length === 0) return;
    const changed = changedRecords(patches);
    const journeys = before ? journeysTouched(patches, before, store.getState().doc) : NONE;
    for (const l of listeners) l(changed, source, patches, journeys);
  };

  const historyOf = (scope: string): History => store.getState().histories[scope] ?? EMPTY_HISTORY;
  const withHistory = (scope: string, h: History) => ({ ...store.getState().histories, [scope]: h });

  /** A local change may touch only journeys this person may change; refused whole otherwise. */
  const checkAllowed = (patches: readonly Patch[], before: Workspace, after: Workspace) => {
    for (const id of journeysTouched(patches, before, after)) if (!canChange(id)) throw new DomainError('viewOnly');
  };

  function run(command: Command, opts: DispatchOptions): HistoryEntry {
    const source = opts.source ?? 'local';
    const ctx = makeContext();
    const { doc } = store.getState();
    const [next, patches, inverse] = produceWithPatches(doc, (draft) => command.run(draft, ctx));
    const at = Date.now();
    const scope = scopeOf(patches, doc, next);
    const entry: HistoryEntry = { name: command.name, patches, inverse, scope, mergeKey: opts.mergeKey, at };
    if (patches.length === 0) return entry;
    if (source === 'local') checkAllowed(patches, doc, next);
    const { past } = historyOf(scope);
    const last = past[past.length - 1];
    if (opts.history === false || source !== 'local') store.setState({ doc: next });
    else if (opts.mergeKey && last?.mergeKey === opts.mergeKey && at - (last.at ?? 0) < MERGE_WINDOW_MS) {
      const merged: HistoryEntry = {
        ...last,
        patches: [...last.patches, ...patches],
        inverse: [...inverse, ...last.inverse],
        at,
      };
      store.setState({
        doc: next,
        histories: withHistory(scope, { past: [...past.slice(0, -1), merged], future: [] }),
      });
    } else
      store.setState({
        doc: next,
        histories: withHistory(scope, { past: [...past, entry].slice(-HISTORY_LIMIT), future: [] }),
      });
    emit(patches, source, doc);
    return entry;
  }

  /**
   * Adds records an import has already stored, as one step of the workspace history. Built
   * without immer (tracking 100,000 new records through a draft blocked the page for 400 ms), and
   * in parts a caller may run in separate tasks: `prepareCommitted` makes the step's patches,
   * `premergeCommitted` merges the tables, the `insert` change puts the records into the workspace
   * as it is by then.
   */
  function prepareCommitted(records: Workspace): PreparedInsert {
    const patches: Patch[] = [];
    const inverse: Patch[] = [];
    for (const table of TABLES) {
      const recs = records[table] as Record<Id, unknown>;
      for (const id in recs) {
        patches.push({ op: 'add', path: [table, id], value: recs[id] });
        inverse.push({ op: 'remove', path: [table, id] });
      }
    }
    return { records, patches, inverse, merged: new Map() };
  }

  /** Merges the records into the tables as they are now (a third step, for a task of its own). */
  function premergeCommitted(prepared: PreparedInsert): void {
    const { doc } = store.getState();
    for (const table of TABLES) {
      const recs = prepared.records[table] as Record<Id, unknown>;
      if (Object.keys(recs).length === 0) continue;
      prepared.merged.set(table, { base: doc[table], table: mergeTable(doc[table] as Record<Id, unknown>, recs) });
    }
  }

  function insert(prepared: PreparedInsert, name = 'importDocument'): HistoryEntry {
    const { records, patches, inverse } = prepared;
    const { doc } = store.getState();
    const next = { ...doc };
    for (const table of TABLES) {
      const recs = records[table] as Record<Id, unknown>;
      if (Object.keys(recs).length === 0) continue;
      // Merged ahead unless the table changed since (an edit in between): then merged again.
      const ahead = prepared.merged.get(table);
      (next as Record<TableName, unknown>)[table] =
        ahead && ahead.base === doc[table] ? ahead.table : mergeTable(doc[table] as Record<Id, unknown>, recs);
    }
    const scope = scopeOf(patches, doc, next);
    const entry: HistoryEntry = { name, patches, inverse, scope, at: Date.now() };
    if (patches.length === 0) return entry;
    const { past } = historyOf(scope);
    store.setState({
      doc: next,
      histories: withHistory(scope, { past: [...past, entry].slice(-HISTORY_LIMIT), future: [] }),
    });
    emit(patches, 'import');
    return entry;
  }

  /**
   * Moves one step between a history's past and future. The step is kept with the tidying it
   * needed (see applyStep), so undoing and redoing it stay each other's inverse.
   */
  function step(
    scope: string,
    entry: HistoryEntry | undefined,
    way: 'patches' | 'inverse',
    place: (e: HistoryEntry) => History,
  ) {
    if (!entry) return null;
    const { doc } = store.getState();
    const { next, tidy, untidy } = applyStep(doc, entry[way]);
    const patches = tidy.length ? [...entry[way], ...tidy] : entry[way];
    checkAllowed(patches, doc, next);
    const kept: HistoryEntry = !tidy.length
      ? entry
      : way === 'inverse'
        ? { ...entry, patches: [...entry.patches, ...untidy], inverse: [...tidy, ...entry.inverse] }
        : { ...entry, patches: [...entry.patches, ...tidy], inverse: [...untidy, ...entry.inverse] };
    store.setState({ doc: next, histories: withHistory(scope, place(kept)) });
    emit(patches, 'local', doc);
    return kept;
  }

  function undo(scope: string): HistoryEntry | null {
    const { past, future } = historyOf(scope);
    return step(scope, past[past.length - 1], 'inverse', (e) => ({ past: past.slice(0, -1), future: [...future, e] }));
  }

  function redo(scope: string): HistoryEntry | null {
    const { past, future } = historyOf(scope);
    return step(scope, future[future.length - 1], 'patches', (e) => ({
      past: [...past, e],
      future: future.slice(0, -1),
    }));
  }

  function revert(entry: HistoryEntry): HistoryEntry | null {
    const { past, future } = historyOf(entry.scope);
    return step(entry.scope, entry, 'inverse', () => ({
      past: past.filter((e) => e !== entry),
      future: future.filter((e) => e !== entry),
    }));
  }

  /**
   * Records committed by another tab (or merged by our own commit), or sent by a live room: shown
   * at once, never put in history. Another tab's are stored already; a live room's are stored by
   * this tab, since no one else does in this browser. Fields changed here and not yet committed
   * keep our value, so two people typing in different fields of one card both keep what they typed.
   */
  function applyRemote(changes: RemoteChanges, localFields: LocalFields | undefined, source: ChangeSource): void {
    const { unloaded } = store.getState();
    const before = store.getState().doc;
    const [next, patches] = produceWithPatches(before, (draft) => putRemote(draft, changes, unloaded, localFields));
    const counts = changes.counts ? remoteCounts(changes.counts, next) : null;
    if (patches.length === 0 && !counts) return;
    store.setState({ doc: next, ...counts });
    // From another tab, the records are already stored; from a live session they are not yet.
    emit(patches, source, source === 'live' ? before : undefined);
  }

  /** Stored counts are kept for unloaded journeys only; a journey gone is forgotten. */
  function remoteCounts(
    changed: Record<Id, JourneyCounts | null>,
    doc: Workspace,
  ): Pick<WorkspaceState, 'counts' | 'unloaded'> {
    const counts = { ...store.getState().counts };
    const unloaded = { ...store.getState().unloaded };
    for (const [id, c] of Object.entries(changed)) {
      if (c && unloaded[id] && doc.journeys[id]) counts[id] = c;
      if (!doc.journeys[id]) {
        delete counts[id];
        delete unloaded[id];
      }
    }
    return { counts, unloaded };
  }

  function load(doc: Workspace, index: LoadedIndex = { unloaded: [], counts: {} }): void {
    const unloaded: Record<Id, true> = {};
    for (const id of index.unloaded) unloaded[id] = true;
    store.setState({ doc, histories: {}, unloaded, counts: index.counts });
  }

  function loadParts(parts: Workspace, journeyIds: readonly Id[]): void {
    const { doc, unloaded } = store.getState();
    const still = { ...unloaded };
    const wanted = journeyIds.filter((id) => still[id]);
    if (wanted.length === 0) return;
    const counts = { ...store.getState().counts };
    for (const id of wanted) {
      delete still[id];
      delete counts[id];
    }
    const wantedSet = new Set(wanted);
    const next = { ...doc };
    for (const table of TABLES) {
      const recs = parts[table] as Record<Id, { journeyId?: Id }>;
      let merged: Record<Id, unknown> | null = null;
      for (const id in recs) {
        if (!wantedSet.has(recs[id]!.journeyId!)) continue;
        merged ??= { ...(doc[table] as Record<Id, unknown>) };
        merged[id] = recs[id];
      }
      if (merged) (next as Record<TableName, unknown>)[table] = merged;
    }
    store.setState({ doc: next, unloaded: still, counts });
  }

  /**
   * The one way the document changes. A command is this person's unless `source` says otherwise;
   * a local change touching a journey this person may not change is refused whole (DomainError
   * `viewOnly`). Returns the history step a command or a step made (null: nothing to step).
   */
  function dispatch(change: Command, options?: DispatchOptions): HistoryEntry;
  function dispatch(change: StoreChange, options?: DispatchOptions): HistoryEntry | null;
  function dispatch(change: Command | StoreChange, options: DispatchOptions = {}): HistoryEntry | null {
    if ('run' in change) return run(change, options);
    switch (change.kind) {
      case 'undo':
        return undo(change.scope);
      case 'redo':
        return redo(change.scope);
      case 'revert':
        return revert(change.entry);
      case 'remote':
        applyRemote(change.changes, change.localFields, options.source ?? 'tab');
        return null;
      case 'load':
        load(change.doc, change.index);
        return null;
      case 'loadParts':
        loadParts(change.parts, change.journeyIds);
        return null;
      case 'insert':
        return insert(change.prepared, change.name);
    }
  }

  function onChange(listener: ChangeListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  const readonly: ReadonlyStoreApi<WorkspaceState> = {
    getState: store.getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
  };

  return {
    /** The state to read and subscribe to; it changes only through `dispatch`. */
    state: readonly,
    dispatch,
    prepareCommitted,
    premergeCommitted,
    isLoaded: (journeyId: Id) => !store.getState().unloaded[journeyId],
    onChange,
    getDoc: () => store.getState().doc,
    historyOf,
    /** `table/id` of the records a step of this tab's histories would put back. */
    restorable: () => restorableIds(store.getState().histories),
  };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
