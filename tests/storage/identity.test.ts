import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { randomId } from '../../src/domain/ids';
import { journeyFromTemplate } from '../../src/domain/template-journey';
import { emptyWorkspace, JOURNEY_PART_TABLES, type CardRec } from '../../src/domain/types';
import { JourneyDb } from '../../src/storage/db';
import { startPersistence } from '../../src/storage/persistence';
import { recordsOf } from '../../src/storage/seed-records';
import { createStatusStore } from '../../src/storage/status';
import { recordTables, writeRecords } from '../../src/storage/write-records';
import { BatchWriter } from '../../src/storage/writer';
import { createWorkspaceStore } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { fakeWindow, freshDb } from './storage-helpers';

const appointment = () => {
  const parsed = parseJourneyFile(readExample('appointment-reschedule.journey.json'));
  if (!parsed.ok) throw new Error('invalid');
  return parsed.doc;
};

/** A tab on the database, which seeds it with the appointment example (its file ids kept). */
async function openTab(name: string) {
  const store = createWorkspaceStore();
  const status = createStatusStore();
  const db = new JourneyDb(name);
  const p = await startPersistence({
    store,
    status,
    db,
    loadSeed: async () => recordsOf(appointment(), { now: Date.now(), newId: randomId }),
    delayMs: 10,
    target: fakeWindow(),
    journalStorage: null,
  });
  return { store, status, db, p };
}

async function storedParts(db: JourneyDb, journeyId: string) {
  const out: Record<string, unknown[]> = {};
  for (const t of JOURNEY_PART_TABLES) out[t] = await db.table(t).where('journeyId').equals(journeyId).toArray();
  return out;
}

describe('one identity rule', () => {
  it('a journey made from a template never takes the stored parts of a journey not open', async () => {
    const name = freshDb().name;
    const first = await openTab(name);
    const seeded = Object.keys(first.store.getDoc().journeys)[0]!;
    const before = await storedParts(first.db, seeded);
    first.p.dispose();

    // A new start reads the list only: the seeded journey's parts are on disk, not in memory.
    const tab = await openTab(name);
    expect(tab.store.isLoaded(seeded)).toBe(false);
    // The same file as a template: every part id of it is stored already, under the other journey.
    const id = randomId();
    tab.store.dispatch(journeyFromTemplate(appointment(), { id, title: 'From the template', personaId: null }));
    await tab.p.flush();

    expect(tab.status.getState().problem).toBeNull();
    expect(await storedParts(tab.db, seeded)).toEqual(before);
    const made = await storedParts(tab.db, id);
    expect(made.lanes).toHaveLength(before.lanes!.length);
    expect(made.cards).toHaveLength(before.cards!.length);
    tab.p.dispose();
  });

  it('storage refuses to write a part over a stored record of another journey, and writes the rest', async () => {
    const name = freshDb().name;
    const tab = await openTab(name);
    const seeded = Object.keys(tab.store.getDoc().journeys)[0]!;
    const victim = (await storedParts(tab.db, seeded)).cards![0] as CardRec;
    tab.p.dispose();

    // A higher layer gone wrong: its memory holds another journey's card under the victim's id.
    const doc = emptyWorkspace();
    const fine: CardRec = { ...victim, id: randomId(), title: 'Kept' };
    doc.cards[victim.id] = { ...victim, journeyId: 'another', title: 'Intruder' };
    doc.cards[fine.id] = fine;
    const db = new JourneyDb(name);
    const status = createStatusStore();
    const writer = new BatchWriter(db, () => doc, status, { delayMs: 5 });
    writer.markDirty(new Map([['cards', new Set([victim.id, fine.id])]]));
    await writer.flush();
    await writer.flush();

    expect(status.getState().problem).toBe('clash');
    expect(status.getState().detail).toContain(victim.id);
    expect(await db.cards.get(victim.id)).toEqual(victim);
    expect(await db.cards.get(fine.id)).toEqual(fine);
    expect(writer.hasPending()).toBe(false);
    writer.dispose();
    db.close();
  });

  it('an import or a seed never puts a record over a stored one: the whole write is refused', async () => {
    const db = freshDb();
    await db.open();
    const records = recordsOf(appointment(), { now: Date.now(), newId: randomId });
    await db.transaction('rw', recordTables(db), () => writeRecords(db, records));
    const again = recordsOf(appointment(), { now: Date.now(), newId: randomId });
    const journeyId = Object.keys(again.journeys)[0]!;
    again.journeys = { [`${journeyId}-copy`]: { ...again.journeys[journeyId]!, id: `${journeyId}-copy`, title: 'X' } };
    await expect(db.transaction('rw', recordTables(db), () => writeRecords(db, again))).rejects.toThrow();
    expect(await db.journeys.get(`${journeyId}-copy`)).toBeUndefined();
    expect(await db.journeys.count()).toBe(1);
    db.close();
  });
});
