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
