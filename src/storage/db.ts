import Dexie, { type Table } from 'dexie';
import { noCounts, type JourneyCounts } from '../domain/journey-counts';
import {
  JOURNEY_PART_TABLES,
  type CardRec,
  type ConnectionRec,
  type Id,
  type JourneyRec,
  type LaneRec,
  type PersonaRec,
  type StageRec,
} from '../domain/types';

export interface MetaRec {
  key: string;
  value: unknown;
}

export const DB_NAME = 'journey-canvas';

/** A journey live in this browser: enough to go back into its room after a reload. */
export interface LiveRec {
  journeyId: string;
  roomId: string;
  /** The secret this browser joined with, or was handed with a role (a facilitator's). */
  secret: string;
  /** The facilitator, a co-facilitator, or a participant (edit or view, as the secret says). */
  role: 'host' | 'cohost' | 'guest';
  name: string;
  /** The host's links. */
  editSecret?: string;
  viewSecret?: string;
  /** Whose dots this browser's are in the room's votes (kept, so a reload spends the same ones). */
  voterId?: string;
  /** The facilitator had asked everyone to follow them: asked again after a reload. */
  leading?: boolean;
}

/** A journey saved as a template: its journey file, as exported, under a name the user chose. */
export interface TemplateRec {
  id: string;
  name: string;
  createdAt: number;
  /** A journey file of the documented format (one journey, perhaps its persona). */
  file: string;
}

/**
 * Schema versions are numbered steps, each with a test that opens a database written by the one
 * before. Version 1: one table per record type, the parts of a journey indexed by `journeyId`.
 * Version 2: `summaries`, each journey's part counts, so the Journeys list is read without
 * reading a single card. Version 3: `live`, the journeys shared live from this browser, with their
 * room, secret and Yjs state, so a reload goes back into the session. Version 4: `templates`, the
 * journeys the user saved as templates.
 */
export class JourneyDb extends Dexie {
  personas!: Table<PersonaRec, string>;
  journeys!: Table<JourneyRec, string>;
  stages!: Table<StageRec, string>;
  lanes!: Table<LaneRec, string>;
  cards!: Table<CardRec, string>;
  connections!: Table<ConnectionRec, string>;
  summaries!: Table<JourneyCounts, string>;
  live!: Table<LiveRec, string>;
  templates!: Table<TemplateRec, string>;
  meta!: Table<MetaRec, string>;
  /**
   * Called when the browser creates the database: at the first start, and when it has discarded
   * one it could not write (Chromium does after a full disk) and opens an empty one in its place.
   */
  onCreated: (() => void) | null = null;

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
    this.version(2)
      .stores({ summaries: 'id' })
      .upgrade(async (tx) => {
        const counts = new Map<Id, JourneyCounts>();
        await tx
          .table('journeys')
          .toCollection()
          .primaryKeys((ids) => {
            for (const id of ids as Id[]) counts.set(id, noCounts(id));
          });
        // Keys of the journeyId index only: no record is read.
        for (const table of JOURNEY_PART_TABLES) {
          await tx
            .table(table)
            .orderBy('journeyId')
            .eachKey((journeyId) => {
              const c = counts.get(journeyId as Id);
              if (c) c[table] += 1;
            });
        }
        await tx.table('summaries').bulkPut([...counts.values()]);
      });
    this.version(3).stores({ live: 'journeyId' });
    this.version(4).stores({ templates: 'id' });
    this.on('populate', () => this.onCreated?.());
  }
}
