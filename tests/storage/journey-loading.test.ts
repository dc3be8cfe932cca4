import { describe, expect, it } from 'vitest';
import { addCard } from '../../src/domain/card-commands';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { randomId } from '../../src/domain/ids';
import { countParts } from '../../src/domain/journey-counts';
import { deleteJourney } from '../../src/domain/journey-commands';
import { JOURNEY_PART_TABLES, TABLES } from '../../src/domain/types';
import { JourneyDb } from '../../src/storage/db';
import { loadWorkspace, readPartsPaged } from '../../src/storage/load';
import { startPersistence } from '../../src/storage/persistence';
import { recordsOf } from '../../src/storage/seed-records';
import { createStatusStore } from '../../src/storage/status';
import { createWorkspaceStore } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { fakeWindow, freshDb, oldDb, sleep } from './storage-helpers';

const headphones = () => {
  const parsed = parseJourneyFile(readExample('headphones-two-personas.journey.json'));
  if (!parsed.ok) throw new Error('invalid');
  return parsed.doc;
};
const seedRecords = () => recordsOf(headphones(), { now: Date.now(), newId: randomId });

async function openTab(name: string, preload: string[] = []) {
  const store = createWorkspaceStore();
  const db = new JourneyDb(name);
  const p = await startPersistence({
    store,
    status: createStatusStore(),
    db,
    preload: () => preload,
    loadSeed: async () => seedRecords(),
    delayMs: 20,
    target: fakeWindow(),
    journalStorage: null,
  });
  return { store, db, p };
}

const partsOf = (doc: ReturnType<typeof seedRecords>, journeyId: string) =>
  JOURNEY_PART_TABLES.flatMap((t) => Object.values(doc[t]).filter((r) => r.journeyId === journeyId));

describe('per-journey loading', () => {
  it('starts on the list and counts alone, and reads a journey’s parts when it is opened', async () => {
    const name = freshDb().name;
    const first = await openTab(name);
    const stored = await loadWorkspace(first.db);
    first.p.dispose();
    const expected = countParts(stored);

    const tab = await openTab(name);
    const state = tab.store.state.getState();
    expect(Object.keys(state.doc.journeys).sort()).toEqual(['j-ruth', 'j-sam']);
    expect(Object.keys(state.doc.personas)).toHaveLength(2);
    for (const t of JOURNEY_PART_TABLES) expect(state.doc[t]).toEqual({});
    expect(state.counts['j-sam']).toEqual(expected.get('j-sam'));
    expect(state.counts['j-ruth']).toEqual(expected.get('j-ruth'));

    await tab.p.loadJourneys(['j-sam']);
    const doc = tab.store.getDoc();
    expect(partsOf(doc, 'j-sam')).toHaveLength(partsOf(stored, 'j-sam').length);
    expect(partsOf(doc, 'j-ruth')).toHaveLength(0);
    expect(tab.store.isLoaded('j-sam')).toBe(true);
    expect(tab.store.isLoaded('j-ruth')).toBe(false);
    tab.p.dispose();
  });

  it('reads many journeys page by page, exactly their parts', async () => {
    const name = freshDb().name;
    const tab = await openTab(name);
    const stored = await loadWorkspace(tab.db);
    const pages: number[] = [];
    const parts = await readPartsPaged(tab.db, new Set(['j-ruth']), 3, () => pages.push(1));
    for (const t of JOURNEY_PART_TABLES) {
      const expected = Object.values(stored[t]).filter((r) => r.journeyId === 'j-ruth');
      expect(Object.values(parts[t]).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        expected.sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
    // Pages of three records: many reads, none of them of the whole table.
    expect(pages.length).toBeGreaterThan(10);
    tab.p.dispose();
  });

  it('reads the journey the page opens on with the list', async () => {
    const name = freshDb().name;
    (await openTab(name)).p.dispose();
    const tab = await openTab(name, ['j-ruth', 'no-such-journey']);
    expect(tab.store.isLoaded('j-ruth')).toBe(true);
    expect(tab.store.isLoaded('j-sam')).toBe(false);
    expect(Object.values(tab.store.getDoc().cards).every((c) => c.journeyId === 'j-ruth')).toBe(true);
    expect(Object.keys(tab.store.getDoc().cards).length).toBeGreaterThan(0);
    tab.p.dispose();
  });

  it('keeps each journey’s stored counts in step with its edits, and drops them with the journey', async () => {
    const name = freshDb().name;
    const tab = await openTab(name);
    await tab.p.loadJourneys(['j-sam']);
    const doc = tab.store.getDoc();
    const stage = Object.values(doc.stages).find((s) => s.journeyId === 'j-sam')!;
    const lane = Object.values(doc.lanes).find((l) => l.journeyId === 'j-sam')!;
    const before = (await tab.db.summaries.get('j-sam'))!.cards;
    tab.store.dispatch(addCard({ id: 'new-card', journeyId: 'j-sam', stageId: stage.id, laneId: lane.id }));
    await tab.p.flush();
    expect((await tab.db.summaries.get('j-sam'))!.cards).toBe(before + 1);

    await tab.p.loadJourneys(['j-ruth']);
    tab.store.dispatch(deleteJourney('j-ruth'));
    await tab.p.flush();
    expect(await tab.db.summaries.get('j-ruth')).toBeUndefined();
    tab.p.dispose();
  });

  it('shows another tab’s edit of a journey not read here as new counts, and reads the edit on opening', async () => {
    const name = freshDb().name;
    const a = await openTab(name);
    const b = await openTab(name);
    await b.p.loadJourneys(['j-sam']);
    const doc = b.store.getDoc();
    const stage = Object.values(doc.stages).find((s) => s.journeyId === 'j-sam')!;
    const lane = Object.values(doc.lanes).find((l) => l.journeyId === 'j-sam')!;
    const before = a.store.state.getState().counts['j-sam']!.cards;
    b.store.dispatch(
      addCard({ id: 'from-b', journeyId: 'j-sam', stageId: stage.id, laneId: lane.id, title: 'Typed in B' }),
    );
    await b.p.flush();
    await expect.poll(() => a.store.state.getState().counts['j-sam']?.cards).toBe(before + 1);
    // Not a lone card of a journey otherwise unread: parts come all together, when opened.
    expect(a.store.getDoc().cards['from-b']).toBeUndefined();
    await a.p.loadJourneys(['j-sam']);
    expect(a.store.getDoc().cards['from-b']?.title).toBe('Typed in B');
    a.p.dispose();
    b.p.dispose();
  });

  it('counts the journeys of a database written before counts were stored, when it is upgraded', async () => {
    const name = freshDb().name;
    const old = oldDb(name, 1);
    const records = seedRecords();
    await old.transaction('rw', [...TABLES.map((t) => old.table(t)), old.table('meta')], async () => {
      for (const t of TABLES) await old.table(t).bulkPut(Object.values(records[t]));
      await old.table('meta').put({ key: 'seeded', value: true });
    });
    old.close();

    const tab = await openTab(name);
    const expected = countParts(records);
    expect(tab.store.state.getState().counts['j-sam']).toEqual(expected.get('j-sam'));
    expect(await tab.db.summaries.get('j-ruth')).toEqual(expected.get('j-ruth'));
    tab.p.dispose();
  });

  it('stores the counts of imported journeys with them', async () => {
    const name = freshDb().name;
    const tab = await openTab(name);
    const { plan } = await tab.p.importDocument(headphones());
    await sleep(10);
    for (const id of plan.summary.journeyIds)
      expect(await tab.db.summaries.get(id)).toEqual(countParts(plan.records).get(id));
    tab.p.dispose();
  });
});
