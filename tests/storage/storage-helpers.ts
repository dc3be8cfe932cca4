import Dexie from 'dexie';
import { JourneyDb } from '../../src/storage/db';
import { createStatusStore } from '../../src/storage/status';
import { storeWith } from '../helpers/workspace';

let n = 0;
/** A fresh database per test: fake-indexeddb keeps databases for the whole file. */
export function freshDb(): JourneyDb {
  return new JourneyDb(`test-${Date.now()}-${++n}`);
}

export function setup(fileText?: string) {
  return { store: storeWith(fileText), status: createStatusStore(), db: freshDb() };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A database as an earlier version of the app wrote it (its schema frozen here, as it shipped),
 * for the tests that open it with today's schema.
 */
export function oldDb(name: string, version: 1 | 3): Dexie {
  const db = new Dexie(name);
  const v1 = {
    personas: 'id',
    journeys: 'id, updatedAt',
    stages: 'id, journeyId',
    lanes: 'id, journeyId',
    cards: 'id, journeyId',
    connections: 'id, journeyId',
    meta: 'key',
  };
  db.version(version).stores(version === 1 ? v1 : { ...v1, summaries: 'id', live: 'journeyId' });
  return db;
}

/** A page's window as storage listens to it (pagehide, visibility, blur), without a browser. */
export function fakeWindow() {
  const target = new EventTarget() as EventTarget & { document: { visibilityState: string } };
  target.document = { visibilityState: 'visible' };
  return target as unknown as Window & { document: Document };
}
