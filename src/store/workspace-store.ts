import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { createStore } from 'zustand/vanilla';
import type { Command, CommandContext } from '../domain/command';
import { randomId } from '../domain/ids';
import { emptyWorkspace, type Id, type TableName, type Workspace } from '../domain/types';
import { changedRecords, type ChangedRecords } from './changes';

enablePatches();

export interface HistoryEntry {
  name: string;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive changes with the same key (typing in one field) make one undo step. */
  mergeKey?: string;
  at?: number;
}

/** How long a pause in typing ends an undo step. */
export const MERGE_WINDOW_MS = 1500;

/** Where a change came from: only local changes are written to storage and sent to other tabs. */
export type ChangeOrigin = 'local' | 'remote' | 'load';
export type ChangeListener = (changed: ChangedRecords, origin: ChangeOrigin) => void;

export interface WorkspaceState {
  doc: Workspace;
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export interface RemoteChanges {
  puts: Partial<Record<TableName, Record<string, unknown>[]>>;
  deletes: Partial<Record<TableName, Id[]>>;
}

export const HISTORY_LIMIT = 500;

/**
 * The open workspace. Every change is a command run through immer: its patches update the state,
 * tell storage which records to write, and its inverse patches become the undo step.
 */
export function createWorkspaceStore(makeContext: () => CommandContext = () => ({ now: Date.now(), newId: randomId })) {
  const store = createStore<WorkspaceState>(() => ({ doc: emptyWorkspace(), past: [], future: [] }));
  const listeners = new Set<ChangeListener>();

  const emit = (patches: readonly Patch[], origin: ChangeOrigin) => {
    if (patches.length === 0) return;
    const changed = changedRecords(patches);
    for (const l of listeners) l(changed, origin);
  };

  function dispatch(command: Command, options: { history?: boolean; mergeKey?: string } = {}): HistoryEntry {
    const ctx = makeContext();
    const { doc, past } = store.getState();
    const [next, patches, inverse] = produceWithPatches(doc, (draft) => command.run(draft, ctx));
    const at = Date.now();
    const entry: HistoryEntry = { name: command.name, patches, inverse, mergeKey: options.mergeKey, at };
    if (patches.length === 0) return entry;
    const last = past[past.length - 1];
    if (options.history === false) store.setState({ doc: next });
    else if (options.mergeKey && last?.mergeKey === options.mergeKey && at - (last.at ?? 0) < MERGE_WINDOW_MS) {
      const merged: HistoryEntry = { ...last, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], at };
      store.setState({ doc: next, past: [...past.slice(0, -1), merged], future: [] });
    } else store.setState({ doc: next, past: [...past, entry].slice(-HISTORY_LIMIT), future: [] });
    emit(patches, 'local');
    return entry;
  }

  function undo(): boolean {
    const { doc, past, future } = store.getState();
    const entry = past[past.length - 1];
    if (!entry) return false;
    store.setState({ doc: applyPatches(doc, entry.inverse), past: past.slice(0, -1), future: [...future, entry] });
    emit(entry.inverse, 'local');
    return true;
  }

  function redo(): boolean {
    const { doc, past, future } = store.getState();
    const entry = future[future.length - 1];
    if (!entry) return false;
    store.setState({ doc: applyPatches(doc, entry.patches), past: [...past, entry], future: future.slice(0, -1) });
    emit(entry.patches, 'local');
    return true;
  }

  /** Takes back one particular step (a toast's Undo), even when other steps came after it. */
  function revert(entry: HistoryEntry): void {
    const { doc, past, future } = store.getState();
    store.setState({
      doc: applyPatches(doc, entry.inverse),
      past: past.filter((e) => e !== entry),
      future: future.filter((e) => e !== entry),
    });
    emit(entry.inverse, 'local');
  }

  /** Records written by another tab: shown at once, never written back nor put in history. */
  function applyRemote(changes: RemoteChanges): void {
    const [next, patches] = produceWithPatches(store.getState().doc, (draft) => {
      for (const [table, recs] of Object.entries(changes.puts) as [TableName, Record<string, unknown>[]][]) {
        const t = draft[table] as Record<Id, unknown>;
        for (const rec of recs) t[rec.id as Id] = rec;
      }
      for (const [table, ids] of Object.entries(changes.deletes) as [TableName, Id[]][]) {
        const t = draft[table] as Record<Id, unknown>;
        for (const id of ids) delete t[id];
      }
    });
    store.setState({ doc: next });
    emit(patches, 'remote');
  }

  function load(doc: Workspace): void {
    store.setState({ doc, past: [], future: [] });
  }

  function onChange(listener: ChangeListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { store, dispatch, undo, redo, revert, applyRemote, load, onChange, getDoc: () => store.getState().doc };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
