import { applyPatches, type Patch } from 'immer';
import type { Id, Workspace } from '../domain/types';

export interface HistoryEntry {
  name: string;
  patches: Patch[];
  inverse: Patch[];
  /** Which history the step belongs to: a journey's id, or WORKSPACE_SCOPE. */
  scope: string;
  /** Consecutive changes with the same key (typing in one field) make one undo step. */
  mergeKey?: string;
  at?: number;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

/**
 * Steps that are not about one journey's content: creating, duplicating, importing and deleting
 * journeys, and personas. They are taken back by their own toast, never by an editor's Undo.
 */
export const WORKSPACE_SCOPE = '*workspace';

export const EMPTY_HISTORY: History = Object.freeze({ past: [], future: [] }) as unknown as History;

const PART_TABLES = new Set(['stages', 'lanes', 'cards', 'connections']);

/**
 * The history a step goes to, read from what it changed: the one journey whose content it
 * touched, or the workspace when it adds or removes a journey, touches a persona or several
 * journeys. So an editor's Undo can never reach another journey, nor delete its own.
 */
export function scopeOf(patches: readonly Patch[], before: Workspace, after: Workspace): string {
  let journey: Id | null = null;
  for (const p of patches) {
    const [table, id] = p.path as [string, Id];
    let owner: Id | undefined;
    if (table === 'journeys') {
      if (p.path.length <= 2 && p.op !== 'replace') return WORKSPACE_SCOPE;
      owner = id;
    } else if (PART_TABLES.has(table)) {
      const rec = (after[table as 'cards'][id] ?? before[table as 'cards'][id]) as { journeyId?: Id } | undefined;
      owner = rec?.journeyId;
    }
    if (!owner) return WORKSPACE_SCOPE;
    if (journey !== null && journey !== owner) return WORKSPACE_SCOPE;
    journey = owner;
  }
  return journey ?? WORKSPACE_SCOPE;
}

/**
 * Applies patches to a workspace that may have changed since they were made (another tab, later
 * a live session): a field patch whose record is gone is dropped rather than throwing, so undo
 * takes back what it still can and never fails as a whole.
 */
export function applyPatchesSafely(doc: Workspace, patches: readonly Patch[]): Workspace {
  const present = new Map<string, boolean>();
  const applicable = patches.filter((p) => {
    const [table, id] = p.path as [keyof Workspace, Id];
    const key = `${table}/${id}`;
    if (p.path.length <= 2) {
      present.set(key, p.op !== 'remove');
      return true;
    }
    return present.get(key) ?? (doc[table] as Record<Id, unknown> | undefined)?.[id] !== undefined;
  });
  return applicable.length === 0 ? doc : applyPatches(doc, applicable);
}

/** The journeys whose records patches changed (the journey itself, or one of its parts). */
export function journeysTouched(patches: readonly Patch[], before: Workspace, after: Workspace): Set<Id> {
  const out = new Set<Id>();
  for (const p of patches) {
    const [table, id] = p.path as [string, Id];
    if (table === 'journeys') out.add(id);
    else if (PART_TABLES.has(table)) {
      const rec = (after[table as 'cards'][id] ?? before[table as 'cards'][id]) as { journeyId?: Id } | undefined;
      if (rec?.journeyId) out.add(rec.journeyId);
    }
  }
  return out;
}
