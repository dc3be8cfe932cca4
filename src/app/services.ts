import { useStore } from 'zustand';
import type { Workspace } from '../domain/types';
import { randomId } from '../domain/ids';
import { startPersistence, type Persistence } from '../storage/persistence';
import { createStatusStore, type StorageStatus } from '../storage/status';
import { workspace } from '../store';

export const storageStatus = createStatusStore();

export function useStorageStatus<T>(selector: (s: StorageStatus) => T): T {
  return useStore(storageStatus, selector);
}

/** The demo is only needed on a first launch, so it is its own chunk. */
async function loadDemo(): Promise<Workspace> {
  const [{ default: demo }, { parseJourneyFile }, { recordsOf }] = await Promise.all([
    import('../demo/demo.journey.json'),
    import('../domain/format/parse'),
    import('../storage/seed-records'),
  ]);
  const parsed = parseJourneyFile(JSON.stringify(demo));
  if (!parsed.ok) throw new Error(`demo workspace is invalid: ${JSON.stringify(parsed.issues)}`);
  return recordsOf(parsed.doc, { now: Date.now(), newId: randomId });
}

let persistence: Promise<Persistence> | null = null;

export function startApp(): Promise<Persistence> {
  persistence ??= startPersistence({ store: workspace, status: storageStatus, loadSeed: loadDemo });
  return persistence;
}

export async function flushNow(): Promise<void> {
  await (await startApp()).flush();
}

/** Reads the parts of journeys not in memory yet: before they are opened, compared or exported. */
export async function loadJourneys(journeyIds: readonly string[]): Promise<void> {
  await (await startApp()).loadJourneys(journeyIds);
}
