import { noCounts, type JourneyCounts } from '../domain/journey-counts';
import {
  emptyWorkspace,
  JOURNEY_PART_TABLES,
  TABLES,
  type Id,
  type JourneyPartTable,
  type TableName,
  type Workspace,
} from '../domain/types';
import type { ChangedRecords } from '../store/changes';
import type { RemoteChanges } from '../store/workspace-store';
import type { JourneyDb } from './db';
import { recordTables, writeRecords } from './write-records';

const SEEDED_KEY = 'seeded';

/**
 * On the very first launch writes the demo, and the flag saying it was written, in one
 * transaction, so two tabs opened at once cannot both seed and a user who deleted the demo
 * never gets it back.
 */
export async function seedOnce(db: JourneyDb, loadSeed: () => Promise<Workspace>): Promise<boolean> {
  const already = await db.meta.get(SEEDED_KEY);
  if (already) return false;
  const seed = await loadSeed();
  return db.transaction('rw', [db.meta, ...recordTables(db)], async () => {
    if (await db.meta.get(SEEDED_KEY)) return false;
    // A database that already holds work (its flag lost) never gets the demo written into it.
    const holdsWork = (await db.journeys.count()) > 0 || (await db.personas.count()) > 0;
    await db.meta.put({ key: SEEDED_KEY, value: true });
    if (holdsWork) return false;
    await writeRecords(db, seed);
    return true;
  });
}

/** What a start reads: personas, journeys and each journey's counts, never a journey's parts. */
export interface LoadedIndex {
  doc: Workspace;
  counts: Record<Id, JourneyCounts>;
}

export async function loadIndex(db: JourneyDb): Promise<LoadedIndex> {
  const doc = emptyWorkspace();
  const counts: Record<Id, JourneyCounts> = {};
  await db.transaction('r', [db.personas, db.journeys, db.summaries, ...partTables(db)], async () => {
    const [personas, journeys, summaries] = await Promise.all([
      db.personas.toArray(),
      db.journeys.toArray(),
      db.summaries.toArray(),
    ]);
    for (const p of personas) doc.personas[p.id] = p;
    for (const j of journeys) doc.journeys[j.id] = j;
    for (const c of summaries) if (doc.journeys[c.id]) counts[c.id] = c;
    // A journey stored without its counts (written by a tab that crashed between the two) is
    // counted from the journeyId index, which reads no record.
    for (const id in doc.journeys) {
      if (counts[id]) continue;
      const c = noCounts(id);
      for (const table of JOURNEY_PART_TABLES) c[table] = await db.table(table).where('journeyId').equals(id).count();
      counts[id] = c;
    }
  });
  return { doc, counts };
}

/** The stages, lanes, cards and connections of some journeys, as one consistent read. */
export async function loadJourneyParts(db: JourneyDb, journeyIds: readonly Id[]): Promise<Workspace> {
  const ws = emptyWorkspace();
  if (journeyIds.length === 0) return ws;
  await db.transaction('r', partTables(db), async () => {
    await Promise.all(
      // One index range per journey (each read whole by getAll), all in flight at once: anyOf walks
      // a cursor record by record, several times slower for tens of journeys.
      JOURNEY_PART_TABLES.flatMap((table: JourneyPartTable) =>
        journeyIds.map(async (id) => {
          const recs = await db.table(table).where('journeyId').equals(id).toArray();
          const target = ws[table] as Record<Id, unknown>;
          for (const rec of recs as { id: Id }[]) target[rec.id] = rec;
        }),
      ),
    );
  });
  return ws;
}

/**
 * The parts of many journeys (an Export workspace), read a page of records at a time in key
 * order: looking up thousands of journeys one by one in the journeyId index took seconds, and one
 * read of every card would be one long task. Each page is consistent; the whole is not one
 * transaction (an edit made in another tab meanwhile may be in it or not).
 */
export async function readPartsPaged(
  db: JourneyDb,
  journeyIds: ReadonlySet<Id>,
  page = 5000,
  between?: () => void,
): Promise<Workspace> {
  const ws = emptyWorkspace();
  for (const table of JOURNEY_PART_TABLES) {
    const target = ws[table] as Record<Id, unknown>;
    let after: Id | null = null;
    for (;;) {
      between?.();
      const recs = (await (after === null
        ? db.table(table).orderBy(':id').limit(page).toArray()
        : db.table(table).where(':id').above(after).limit(page).toArray())) as { id: Id; journeyId: Id }[];
      for (const rec of recs) if (journeyIds.has(rec.journeyId)) target[rec.id] = rec;
      if (recs.length < page) break;
      after = recs[recs.length - 1]!.id;
    }
  }
  return ws;
}

/** Everything stored, as one consistent read (tests, and a tab without per-journey loading). */
export async function loadWorkspace(db: JourneyDb): Promise<Workspace> {
  const ws = emptyWorkspace();
  await db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () => {
      await Promise.all(
        TABLES.map(async (table: TableName) => {
          const recs = (await db.table(table).toArray()) as { id: Id }[];
          const target = ws[table] as Record<Id, unknown>;
          for (const rec of recs) target[rec.id] = rec;
        }),
      );
    },
  );
  return ws;
}

const partTables = (db: JourneyDb) => JOURNEY_PART_TABLES.map((t) => db.table(t));

/**
 * Puts records left unsaved by a page that unloaded mid-write (see UnloadJournal) into a loaded
 * workspace, oldest first; returns which records they were, for the writer to store.
 */
export function applyInMemory(ws: Workspace, entries: readonly RemoteChanges[]): ChangedRecords {
  const changed: ChangedRecords = new Map();
  const mark = (table: TableName, id: Id) => {
    let ids = changed.get(table);
    if (!ids) changed.set(table, (ids = new Set()));
    ids.add(id);
  };
  for (const changes of entries) {
    for (const [table, recs] of Object.entries(changes.puts ?? {}) as [TableName, { id: Id }[]][]) {
      if (!TABLES.includes(table) || !Array.isArray(recs)) continue;
      for (const rec of recs) {
        if (typeof rec?.id !== 'string') continue;
        (ws[table] as Record<Id, unknown>)[rec.id] = rec;
        mark(table, rec.id);
      }
    }
    for (const [table, ids] of Object.entries(changes.deletes ?? {}) as [TableName, Id[]][]) {
      if (!TABLES.includes(table) || !Array.isArray(ids)) continue;
      for (const id of ids) {
        delete (ws[table] as Record<Id, unknown>)[id];
        mark(table, id);
      }
    }
  }
  return changed;
}
