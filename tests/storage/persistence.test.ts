import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { renameJourney } from '../../src/domain/journey-commands';
import { randomId } from '../../src/domain/ids';
import { JourneyDb } from '../../src/storage/db';
import { loadWorkspace } from '../../src/storage/load';
import { startPersistence } from '../../src/storage/persistence';
import { recordsOf } from '../../src/storage/seed-records';
import { createStatusStore } from '../../src/storage/status';
import { createWorkspaceStore } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { fakeWindow, freshDb, sleep } from './storage-helpers';
import { memoryStorage } from '../helpers/memory-storage';

function seed() {
  const parsed = parseJourneyFile(readExample('headphones-two-personas.journey.json'));
  if (!parsed.ok) throw new Error('invalid');
  return async () => recordsOf(parsed.doc, { now: Date.now(), newId: randomId });
}

/** A stand-in for `window`: only what persistence listens to. */
async function openTab(name: string, delayMs = 100, journalStorage: Storage | null = null, db = new JourneyDb(name)) {
  const store = createWorkspaceStore();
  const status = createStatusStore();
  const target = fakeWindow();
  const p = await startPersistence({ store, status, db, loadSeed: seed(), delayMs, target, journalStorage });
  return { store, status, target, p, db };
}

describe('startPersistence', () => {
  it('seeds the demo on the first launch only, even when the user deletes it', async () => {
    const name = freshDb().name;
    const first = await openTab(name);
    expect(Object.keys(first.store.getDoc().journeys).sort()).toEqual(['j-ruth', 'j-sam']);
    first.p.dispose();
    const db = new JourneyDb(name);
    await db.journeys.clear();
    db.close();
    const second = await openTab(name);
    expect(second.store.getDoc().journeys).toEqual({});
    second.p.dispose();
  });

  it('flushes pending writes on pagehide and when the page is hidden', async () => {
    const name = freshDb().name;
    const tab = await openTab(name, 60_000);
    tab.store.dispatch(renameJourney('j-sam', 'Renamed before closing'));
    tab.target.dispatchEvent(new Event('pagehide'));
    await sleep(50);
    const db = new JourneyDb(name);
    expect((await db.journeys.get('j-sam'))?.title).toBe('Renamed before closing');

    tab.store.dispatch(renameJourney('j-sam', 'Renamed before hiding'));
    (tab.target.document as { visibilityState: string }).visibilityState = 'hidden';
    tab.target.dispatchEvent(new Event('visibilitychange'));
    await sleep(50);
    expect((await db.journeys.get('j-sam'))?.title).toBe('Renamed before hiding');
    db.close();
    tab.p.dispose();
  });

  it('replays, on the next start, changes whose transaction the unloading page could not commit', async () => {
    const name = freshDb().name;
    const storage = memoryStorage();
    const db = new JourneyDb(name);
    const tab = await openTab(name, 60_000, storage, db);
    // The browser aborts the transaction as the page goes away.
    db.transaction = (() => Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))) as never;
    tab.store.dispatch(renameJourney('j-ruth', 'Renamed right before reload'));
    tab.target.dispatchEvent(new Event('pagehide'));
    await sleep(20);
    tab.p.dispose();

    const next = await openTab(name, 100, storage);
    expect(next.store.getDoc().journeys['j-ruth']!.title).toBe('Renamed right before reload');
    // The journal is removed once its records are stored.
    await next.p.flush();
    expect(storage.length).toBe(0);
    expect((await loadWorkspace(next.db)).journeys['j-ruth']!.title).toBe('Renamed right before reload');
    next.p.dispose();
  });

  it('shows one tab the other tab’s change, and neither overwrites the other’s records', async () => {
    const name = freshDb().name;
    const a = await openTab(name, 20);
    const b = await openTab(name, 20);
    a.store.dispatch(renameJourney('j-sam', 'Sam, edited in A'));
    b.store.dispatch(renameJourney('j-ruth', 'Ruth, edited in B'));
    await sleep(300);
    for (const tab of [a, b]) {
      expect(tab.store.getDoc().journeys['j-sam']!.title).toBe('Sam, edited in A');
      expect(tab.store.getDoc().journeys['j-ruth']!.title).toBe('Ruth, edited in B');
    }
    const db = new JourneyDb(name);
    expect((await db.journeys.get('j-sam'))?.title).toBe('Sam, edited in A');
    expect((await db.journeys.get('j-ruth'))?.title).toBe('Ruth, edited in B');
    db.close();
    a.p.dispose();
    b.p.dispose();
  });

  it('writes back what the tab holds when the browser empties the database, and names the journeys it cannot', async () => {
    const name = freshDb().name;
    const tab = await openTab(name, 20);
    await tab.p.loadJourneys(['j-sam']);
    const sam = tab.store.getDoc();
    const samCards = Object.values(sam.cards).filter((c) => c.journeyId === 'j-sam').length;
    const ruthTitle = sam.journeys['j-ruth']!.title;
    expect(samCards).toBeGreaterThan(0);
    // What Chromium does after a write failed on a full disk: the next open finds an empty database.
    tab.db.close();
    await Dexie.delete(name);
    tab.store.dispatch(renameJourney('j-sam', 'Edited after the disk filled up'));
    await sleep(300);
    await tab.p.flush();

    const db = new JourneyDb(name);
    expect((await db.journeys.get('j-sam'))?.title).toBe('Edited after the disk filled up');
    expect(await db.cards.where('journeyId').equals('j-sam').count()).toBe(samCards);
    expect(await db.personas.count()).toBe(Object.keys(sam.personas).length);
    expect((await db.summaries.get('j-sam'))?.cards).toBe(samCards);
    // Never opened in this tab: its cards were only on disk, and the alert says so.
    expect(await db.journeys.get('j-ruth')).toBeUndefined();
    expect(tab.status.getState()).toMatchObject({ problem: null, pending: 0, lost: [ruthTitle] });
    db.close();
    tab.p.dispose();
  });

  it('works on in memory and says so when IndexedDB cannot be opened', async () => {
    const store = createWorkspaceStore();
    const status = createStatusStore();
    const db = freshDb();
    db.open = () => Promise.reject(Object.assign(new Error('no IndexedDB'), { name: 'MissingAPIError' })) as never;
    await startPersistence({ store, status, db, loadSeed: seed(), target: fakeWindow() });
    expect(status.getState()).toMatchObject({ phase: 'memoryOnly', problem: 'unavailable' });
    expect(Object.keys(store.getDoc().journeys)).toHaveLength(2);
  });
});
