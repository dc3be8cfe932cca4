import type { Patch } from 'immer';
import { describe, expect, it } from 'vitest';
import { journeyRecords } from '../../src/live/live-session';
import * as Y from 'yjs';
import { addCard, deleteCards, updateCard } from '../../src/domain/card-commands';
import { checkRemoteRecord } from '../../src/domain/remote-records';
import { renameStage } from '../../src/domain/stage-commands';
import {
  changesOf,
  changesOfTransaction,
  patchesToY,
  putRecords,
  roomPatches,
  readDoc,
  seedDoc,
  touchedBy,
  type Touched,
} from '../../src/live/y-journey';
import { createWorkspaceStore, remoteRecords } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { storeWith, testContext } from '../helpers/workspace';

const FILE = readExample('appointment-reschedule.journey.json');

/** A participant: a store (the app's document) bound to a Y.Doc, as a live journey will be. */
function participant(doc: Y.Doc, name: string) {
  const store = createWorkspaceStore({ makeContext: testContext() });
  const origin = { name };
  store.dispatch({ kind: 'load', doc: readDoc(doc) }, { source: 'load' });
  store.onChange((_changed, source, patches) => {
    if (source === 'local') patchesToY(doc, patches, store.getDoc(), origin);
  });
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin !== origin) store.dispatch(remoteRecords(changesOfTransaction(doc, tr)), { source: 'live' });
  });
  return store;
}

/** Two documents that exchange updates while `linked`, like two providers on one room. */
function room() {
  const a = new Y.Doc();
  seedDoc(a, storeWith(FILE).getDoc(), 'seed');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  let linked = true;
  a.on('update', (u: Uint8Array, origin: unknown) => linked && origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => linked && origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  return {
    a,
    b,
    unlink: () => (linked = false),
    relink: () => {
      linked = true;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'relay');
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'relay');
    },
  };
}

describe('a live journey as a Yjs document', () => {
  it('holds every record, field for field', () => {
    const records = storeWith(FILE).getDoc();
    const doc = new Y.Doc();
    seedDoc(doc, records, 'seed');
    expect(readDoc(doc)).toEqual(records);
  });

  it('carries each participant’s commands to the other, and both stores end equal', () => {
    const { a, b } = room();
    const alice = participant(a, 'alice');
    const bob = participant(b, 'bob');
    alice.dispatch(
      addCard({ id: 'n1', journeyId: 'j-reschedule', stageId: 's-need', laneId: 'l-actions', title: 'Hi' }),
    );
    bob.dispatch(renameStage('s-contact', 'Contact centre'));
    bob.dispatch(deleteCards(['c6']));
    expect(bob.getDoc().cards.n1?.title).toBe('Hi');
    expect(alice.getDoc().stages['s-contact']?.name).toBe('Contact centre');
    expect(alice.getDoc().cards.c6).toBeUndefined();
    expect(alice.getDoc()).toEqual(bob.getDoc());
  });

  it('keeps both people’s edits of different fields of one card made while apart', () => {
    const { a, b, unlink, relink } = room();
    const alice = participant(a, 'alice');
    const bob = participant(b, 'bob');
    unlink();
    alice.dispatch(updateCard('c7', { title: 'Relieved, finally' }));
    bob.dispatch(updateCard('c7', { notes: 'Said it twice' }));
    bob.dispatch(updateCard('c7', { score: 2 }));
    relink();
    for (const s of [alice, bob])
      expect(s.getDoc().cards.c7).toMatchObject({ title: 'Relieved, finally', notes: 'Said it twice', score: 2 });
    expect(alice.getDoc()).toEqual(bob.getDoc());
    // The same field, typed by both: one text everywhere.
    unlink();
    alice.dispatch(updateCard('c1', { title: 'Alice’s words' }));
    bob.dispatch(updateCard('c1', { title: 'Bob’s words' }));
    relink();
    expect(alice.getDoc().cards.c1!.title).toBe(bob.getDoc().cards.c1!.title);
  });
});

describe('records a page could not store, put back into the kept document', () => {
  it('sets what differs, removes what is gone here, and leaves other journeys’ records alone', () => {
    const doc = new Y.Doc();
    const store = storeWith(FILE);
    seedDoc(doc, store.getDoc(), 'seed');
    const ws = structuredClone(store.getDoc());
    ws.cards.c1!.title = 'Typed just before the page went';
    delete ws.cards.c1!.notes;
    delete ws.cards.c2;
    ws.cards.stray = { ...ws.cards.c3!, id: 'stray', journeyId: 'elsewhere' };
    const changed = new Map([['cards', new Set(['c1', 'c2', 'stray'])]]) as Touched;
    putRecords(doc, ws, changed, 'j-reschedule', 'mine');
    const back = readDoc(doc);
    expect(back.cards.c1).toEqual(ws.cards.c1);
    expect(back.cards.c2).toBeUndefined();
    expect(back.cards.stray).toBeUndefined();
    expect(back.cards.c3).toEqual(ws.cards.c3);
  });
});

describe('a record received from a live session', () => {
  const ws = storeWith(FILE).getDoc();
  const card = (changes: Record<string, unknown>) => ({ ...ws.cards.c7!, ...changes });

  it('is taken as it is when it keeps the journey’s rules', () => {
    expect(checkRemoteRecord('cards', card({ score: -1 }), ws)).toEqual({ record: card({ score: -1 }), problem: null });
  });

  it('is repaired when it can be: a score of 7, a field its kind has not, an over-long title', () => {
    const seven = checkRemoteRecord('cards', card({ score: 7, severity: 'high', title: 'x'.repeat(600) }), ws);
    expect(seven.record).toMatchObject({ score: 0, title: 'x'.repeat(500) });
    expect(seven.record).not.toHaveProperty('severity');
    expect(seven.problem).toMatchObject({ action: 'repaired', id: 'c7' });
  });

  it('is skipped when it cannot be: a card in a missing stage, a lane of an unknown kind, a dangling connection', () => {
    expect(checkRemoteRecord('cards', card({ stageId: 'nowhere' }), ws)).toMatchObject({
      record: null,
      problem: { action: 'skipped', reason: 'stage' },
    });
    expect(checkRemoteRecord('lanes', { ...ws.lanes['l-actions']!, kind: 'gossip' }, ws).problem?.action).toBe(
      'skipped',
    );
    const x = Object.values(ws.connections)[0]!;
    expect(checkRemoteRecord('connections', { ...x, to: 'missing' }, ws).record).toBeNull();
    expect(checkRemoteRecord('cards', { ...card({}), id: 42 } as never, ws).record).toBeNull();
  });

  it('reads many transactions from elsewhere as one change, each record as it ends', () => {
    const { a, b } = room();
    const touched: Touched = new Map();
    b.on('afterTransaction', (tr: Y.Transaction) => void touchedBy(b, tr, touched));
    const cards = a.getMap<Y.Map<unknown>>('cards');
    const [first, second] = [...cards.keys()];
    // Typing: one update per keystroke, as they arrive after a participant comes back online.
    for (const title of ['N', 'Ne', 'New']) cards.get(first!)!.set('title', title);
    a.transact(() => cards.delete(second!));
    const changes = changesOf(b, touched);
    expect(changes.puts.cards).toHaveLength(1);
    expect(changes.puts.cards![0]).toMatchObject({ id: first, title: 'New' });
    expect(changes.deletes.cards).toEqual([second]);
  });

  it('sends a room only its journey’s records, with the persona it is given', () => {
    const records = storeWith(FILE).getDoc();
    const journeyId = Object.keys(records.journeys)[0]!;
    const doc = new Y.Doc();
    seedDoc(doc, journeyRecords(records, journeyId), 'seed');
    const card = Object.values(records.cards).find((c) => c.journeyId === journeyId)!;
    const other = { ...records.journeys[journeyId]!, id: 'other-journey', title: 'Not in the room' };
    const newcomer = { id: 'persona-2', name: 'Second persona' };
    const after = structuredClone(records);
    after.journeys['other-journey'] = other;
    after.personas['persona-2'] = newcomer as never;
    after.journeys[journeyId] = { ...after.journeys[journeyId]!, personaId: 'persona-2' };
    delete after.cards[card.id];
    const patches: Patch[] = [
      { op: 'replace', path: ['journeys', 'other-journey', 'title'], value: other.title },
      { op: 'replace', path: ['journeys', journeyId, 'personaId'], value: 'persona-2' },
      { op: 'remove', path: ['cards', card.id] },
    ];
    const sent = roomPatches(patches, journeyId, after, doc);
    // The other journey stays out; the removed card is known by the room's copy; the new persona comes along.
    expect(sent.map((p) => p.path.slice(0, 2).join('/'))).toEqual([
      'personas/persona-2',
      `journeys/${journeyId}`,
      `cards/${card.id}`,
    ]);
    // A persona deleted here is never deleted in the room (other journeys there may use it).
    const personaId = records.journeys[journeyId]!.personaId!;
    const gone = structuredClone(records);
    delete gone.personas[personaId];
    expect(roomPatches([{ op: 'remove', path: ['personas', personaId] }], journeyId, gone, doc)).toEqual([]);
  });
});
