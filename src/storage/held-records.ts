import { JOURNEY_PART_TABLES, type Id, type Workspace } from '../domain/types';
import type { ChangedRecords } from '../store/changes';

export interface HeldRecords {
  /** Every record this tab can write again whole. */
  changed: ChangedRecords;
  /** The journeys whose parts are in memory: their counts are known here. */
  journeys: Id[];
  /** Titles of the journeys listed here whose parts were never read into memory. */
  lost: string[];
}

/**
 * What a tab can put back into a database the browser emptied: every persona, and every journey
 * whose parts it has read, with those parts. A journey only listed (never opened here) cannot be.
 */
export function heldRecords(doc: Workspace, isLoaded: (journeyId: Id) => boolean): HeldRecords {
  const journeys: Id[] = [];
  const lost: string[] = [];
  for (const j of Object.values(doc.journeys)) {
    if (isLoaded(j.id)) journeys.push(j.id);
    else lost.push(j.title);
  }
  const changed: ChangedRecords = new Map();
  changed.set('personas', new Set(Object.keys(doc.personas)));
  changed.set('journeys', new Set(journeys));
  for (const table of JOURNEY_PART_TABLES) changed.set(table, new Set(Object.keys(doc[table])));
  return { changed, journeys, lost };
}
