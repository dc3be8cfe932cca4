import type { CommandContext } from '../domain/command';
import { planImport, planSteps, type ImportPlan, type ImportTarget } from '../domain/format/import-document';
import type { FileDocument } from '../domain/format/schema';
import { TABLES, type Id, type PersonaRec, type TableName, type Workspace } from '../domain/types';
import { runInSlices } from '../app/slices';
import { recordTables, writeRecords, type WriteProgress } from './write-records';
import type { JourneyDb } from './db';

export type ImportProgress = WriteProgress;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Records per write: between two, the page can draw the progress and take a Cancel. */
  chunk?: number;
  /** `table/id` of records this tab's undo could put back: taken as well. */
  reserved?: ReadonlySet<string>;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

interface Snapshot extends ImportTarget {
  keys: Map<TableName, Set<Id>>;
  titles: Set<string>;
  personaNames: Set<string>;
}

/**
 * What the database (and memory, where it is ahead) holds now, and what this tab's undo could put
 * back: what an import must not clash with.
 */
async function snapshot(db: JourneyDb, memory: Workspace, reserved: ReadonlySet<string>): Promise<Snapshot> {
  const keys = new Map<TableName, Set<Id>>();
  for (const table of TABLES) keys.set(table, new Set((await db.table(table).toCollection().primaryKeys()) as Id[]));
  const personas = new Map<Id, PersonaRec>();
  for (const p of await db.personas.toArray()) personas.set(p.id, p);
  for (const p of Object.values(memory.personas)) personas.set(p.id, p);
  const titles = new Set((await db.journeys.toArray()).map((j) => j.title));
  for (const j of Object.values(memory.journeys)) titles.add(j.title);
  return {
    keys,
    titles,
    personaNames: new Set([...personas.values()].map((p) => p.name)),
    taken: (table, id) =>
      keys.get(table)!.has(id) || Object.hasOwn(memory[table], id) || reserved.has(`${table}/${id}`),
    // Every record a file brings gets a new id (a persona equal to one here is reused instead):
    // two browsers that import the same file must not hold the same ids, or their journeys would
    // meet in a live room as if they were one. The checks above stay as the proof of it.
    fresh: () => true,
    personas: [...personas.values()],
    journeyTitles: titles,
  };
}

/** Whether a plan made against an earlier snapshot would clash with what is there now. */
function stale(plan: ImportPlan, now: Snapshot): boolean {
  for (const table of TABLES) for (const id of Object.keys(plan.records[table])) if (now.taken(table, id)) return true;
  for (const j of Object.values(plan.records.journeys)) if (now.titles.has(j.title)) return true;
  for (const p of Object.values(plan.records.personas)) if (now.personaNames.has(p.name)) return true;
  // A reused persona must still be there.
  return plan.summary.reusedPersonaIds.some((id) => !now.taken('personas', id));
}

/**
 * Plans an import a journey at a time, letting the page draw between slices, then writes it in
 * one transaction that checks again, against what the database holds at that moment, that the
 * ids, titles and names it takes are still free (planning anew if another tab's import got there
 * first). So two tabs importing files that share ids can never overwrite each other, and either
 * every record is stored or none is (Cancel aborts the transaction).
 */
export async function importInTransaction(
  db: JourneyDb,
  doc: FileDocument,
  ctx: CommandContext,
  memory: Workspace,
  options: ImportOptions = {},
): Promise<ImportPlan> {
  const chunk = options.chunk ?? 1000;
  const reserved = options.reserved ?? new Set<string>();
  const check = () => {
    if (options.signal?.aborted) throw new ImportCancelled();
  };
  const before = await db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    () => snapshot(db, memory, reserved),
  );
  let plan = await runInSlices(planSteps(doc, ctx, before), check);
  return db.transaction('rw', recordTables(db), async () => {
    check();
    const now = await snapshot(db, memory, reserved);
    if (stale(plan, now)) plan = planImport(doc, ctx, now);
    await writeRecords(db, plan.records, {
      chunk,
      between: (progress) => {
        check();
        options.onProgress?.(progress);
      },
    });
    return plan;
  });
}
