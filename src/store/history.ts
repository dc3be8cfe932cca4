import { applyPatches, produceWithPatches, type Patch } from 'immer';
import { DomainError } from '../domain/command';
import { JOURNEY_PART_TABLES, type Id, type TableName, type Workspace } from '../domain/types';

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

/**
 * What a history step does to a workspace that has changed since the step was made: its patches
 * applied "safely", then tidied so the workspace keeps its rules. A journey the step removes takes
 * with it the parts added to it since (a card added after an import, then the import undone); a
 * persona it removes stays while a journey still names it. The tidying is returned as patches of
 * its own, so the step in history can carry it (redo brings those cards back).
 *
 * A step that would put a record back over another journey's record (a deleted journey's ids
 * taken since) is refused: DomainError `undoClash`.
 */
export function applyStep(
  doc: Workspace,
  patches: readonly Patch[],
): { next: Workspace; tidy: Patch[]; untidy: Patch[] } {
  checkNoClash(doc, patches);
  const applied = applyPatchesSafely(doc, patches);
  const removedJourneys = new Set<Id>();
  const removedPersonas: Id[] = [];
  for (const p of patches) {
    if (p.op !== 'remove' || p.path.length !== 2) continue;
    if (p.path[0] === 'journeys') removedJourneys.add(p.path[1] as Id);
    if (p.path[0] === 'personas') removedPersonas.push(p.path[1] as Id);
  }
  if (removedJourneys.size === 0 && removedPersonas.length === 0) return { next: applied, tidy: [], untidy: [] };
  const [next, tidy, untidy] = produceWithPatches(applied, (draft) => {
    if (removedJourneys.size > 0)
      for (const table of JOURNEY_PART_TABLES) {
        const records = draft[table] as Record<Id, { journeyId: Id }>;
        for (const id of Object.keys(records)) if (removedJourneys.has(records[id]!.journeyId)) delete records[id];
      }
    const named = new Set(Object.values(draft.journeys).map((j) => j.personaId));
    for (const id of removedPersonas) if (named.has(id) && doc.personas[id]) draft.personas[id] = doc.personas[id];
  });
  return { next, tidy, untidy };
}

function checkNoClash(doc: Workspace, patches: readonly Patch[]): void {
  for (const p of patches) {
    if (p.op === 'remove' || p.path.length !== 2) continue;
    const [table, id] = p.path as [TableName, Id];
    const current = (doc[table] as Record<Id, { journeyId?: Id } | undefined>)[id];
    if (!current) continue;
    const value = p.value as { journeyId?: Id } | undefined;
    if (table === 'journeys' ? p.op === 'add' : current.journeyId !== value?.journeyId)
      throw new DomainError('undoClash');
  }
}

/** The records a step of any history would put back: an import must not take their ids. */
export function restorableIds(histories: Record<string, History>): Set<string> {
  const out = new Set<string>();
  const add = (patches: readonly Patch[]) => {
    for (const p of patches)
      if (p.op !== 'remove' && p.path.length === 2) out.add(`${String(p.path[0])}/${String(p.path[1])}`);
  };
  for (const h of Object.values(histories)) {
    for (const e of h.past) add(e.inverse);
    for (const e of h.future) add(e.patches);
  }
  return out;
}
