import type { CommandContext } from '../domain/command';
import { planImport, type ImportPlan } from '../domain/format/import-document';
import type { FileDocument } from '../domain/format/schema';
import { TABLES, type Id, type PersonaRec, type TableName, type Workspace } from '../domain/types';
import type { JourneyDb } from './db';

export interface ImportProgress {
  /** Records written so far, of `total`. */
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Records per write: between two, the page can draw the progress and take a Cancel. */
  chunk?: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/**
 * Plans and writes an import in one transaction: the ids it takes are checked against what the
 * database holds at that moment (and against records only in memory yet), so two tabs importing
 * files that share ids can never overwrite each other, and either every record is stored or none
 * is (Cancel aborts the transaction).
 */
export async function importInTransaction(db: JourneyDb, doc: FileDocument, ctx: CommandContext, memory: Workspace, options: ImportOptions = {}): Promise<ImportPlan> {
  const chunk = options.chunk ?? 2000;
  const check = () => {
    if (options.signal?.aborted) throw new ImportCancelled();
  };
  return db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    check();
    const keys = new Map<TableName, Set<Id>>();
    for (const table of TABLES) keys.set(table, new Set((await db.table(table).toCollection().primaryKeys()) as Id[]));
    const personas = new Map<Id, PersonaRec>();
    for (const p of await db.personas.toArray()) personas.set(p.id, p);
    for (const p of Object.values(memory.personas)) personas.set(p.id, p);
    const titles = new Set((await db.journeys.toArray()).map((j) => j.title));
    for (const j of Object.values(memory.journeys)) titles.add(j.title);

    const plan = planImport(doc, ctx, {
      taken: (table, id) => keys.get(table)!.has(id) || Object.hasOwn(memory[table], id),
      personas: personas.values(),
      journeyTitles: titles,
    });
    const total = TABLES.reduce((n, t) => n + Object.keys(plan.records[t]).length, 0);
    let done = 0;
    options.onProgress?.({ done, total });
    for (const table of TABLES) {
      const recs = Object.values(plan.records[table]) as object[];
      for (let i = 0; i < recs.length; i += chunk) {
        check();
        const part = recs.slice(i, i + chunk);
        await db.table(table).bulkPut(part);
        done += part.length;
        options.onProgress?.({ done, total });
      }
    }
    check();
    return plan;
  });
}
