import { countParts } from '../domain/journey-counts';
import { TABLES, type Workspace } from '../domain/types';
import type { JourneyDb } from './db';

export interface WriteProgress {
  /** Records written so far, of `total`. */
  done: number;
  total: number;
}

/**
 * Adds new records, and the counts of their journeys, inside the caller's transaction (which must
 * hold every table and `summaries`): the one way whole journeys are written, by the demo's seed
 * and by an import. `between` runs before each chunk, for progress and Cancel.
 */
export async function writeRecords(
  db: JourneyDb,
  records: Workspace,
  { chunk = Infinity, between }: { chunk?: number; between?: (progress: WriteProgress) => void } = {},
): Promise<void> {
  const total = TABLES.reduce((n, t) => n + Object.keys(records[t]).length, 0);
  let done = 0;
  for (const table of TABLES) {
    const recs = Object.values(records[table]) as object[];
    for (let i = 0; i < recs.length; i += chunk) {
      between?.({ done, total });
      const part = recs.slice(i, i + chunk);
      // Added, never put: a new record that finds its id taken aborts the whole transaction
      // rather than overwrite what is stored (the planner checked; this is the last line).
      await db.table(table).bulkAdd(part);
      done += part.length;
    }
  }
  between?.({ done, total });
  await db.summaries.bulkPut([...countParts(records).values()]);
}

/** The tables `writeRecords` writes to, for the caller's transaction. */
export const recordTables = (db: JourneyDb) => [...TABLES.map((t) => db.table(t)), db.table('summaries')];
