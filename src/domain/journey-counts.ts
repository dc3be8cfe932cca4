import { JOURNEY_PART_TABLES, type Id, type Workspace } from './types';

/**
 * How many parts a journey has: what the Journeys list shows of a journey whose records are not
 * loaded. Stored per journey beside its records and kept in step by the writer.
 */
export interface JourneyCounts {
  /** The journey's id. */
  id: Id;
  stages: number;
  lanes: number;
  cards: number;
  connections: number;
}

export const noCounts = (id: Id): JourneyCounts => ({ id, stages: 0, lanes: 0, cards: 0, connections: 0 });

/** The counts of every journey of `ws` (or of those named), in one pass over its parts. */
export function countParts(ws: Workspace, only?: ReadonlySet<Id>): Map<Id, JourneyCounts> {
  const out = new Map<Id, JourneyCounts>();
  for (const id in ws.journeys) if (!only || only.has(id)) out.set(id, noCounts(id));
  for (const table of JOURNEY_PART_TABLES)
    for (const rec of Object.values(ws[table])) {
      const counts = out.get(rec.journeyId);
      if (counts) counts[table] += 1;
    }
  return out;
}
