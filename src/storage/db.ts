import Dexie, { type Table } from 'dexie';
import type { CardRec, ConnectionRec, JourneyRec, LaneRec, PersonaRec, StageRec } from '../domain/types';

export interface MetaRec {
  key: string;
  value: unknown;
}

export const DB_NAME = 'journey-canvas';

/**
 * Schema versions are numbered steps. Version 1: one table per record type, the parts of a
 * journey indexed by `journeyId`. A later version adds `this.version(2).stores(…).upgrade(…)`
 * and a test that opens a database written by version 1.
 */
export class JourneyDb extends Dexie {
  personas!: Table<PersonaRec, string>;
  journeys!: Table<JourneyRec, string>;
  stages!: Table<StageRec, string>;
  lanes!: Table<LaneRec, string>;
  cards!: Table<CardRec, string>;
  connections!: Table<ConnectionRec, string>;
  meta!: Table<MetaRec, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      personas: 'id',
      journeys: 'id, updatedAt',
      stages: 'id, journeyId',
      lanes: 'id, journeyId',
      cards: 'id, journeyId',
      connections: 'id, journeyId',
      meta: 'key',
    });
  }
}
