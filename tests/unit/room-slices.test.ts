import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sliceUpdate } from '../../src/server/room-slices';

type Step =
  | { kind: 'set'; who: number; id: number; text: string }
  | { kind: 'field'; who: number; id: number; text: string }
  | { kind: 'delete'; who: number; id: number }
  | { kind: 'sync' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), who: fc.nat(2), id: fc.nat(30), text: fc.string() }),
  fc.record({ kind: fc.constant('field' as const), who: fc.nat(2), id: fc.nat(30), text: fc.string() }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.nat(2), id: fc.nat(30) }),
  fc.constant({ kind: 'sync' as const }),
);

/** Three participants editing cards (records as nested maps, as a room holds them), syncing now and then. */
function roomAfter(steps: Step[]): Y.Doc {
  const docs = [1, 2, 3].map((client) => {
    const doc = new Y.Doc();
    doc.clientID = client;
    return doc;
  });
  const sync = () => {
    for (const a of docs)
      for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (const s of steps) {
    if (s.kind === 'sync') {
      sync();
      continue;
    }
    const cards = docs[s.who]!.getMap<Y.Map<unknown>>('cards');
    const key = `c${s.id}`;
    if (s.kind === 'delete') cards.delete(key);
    else if (s.kind === 'field' && cards.get(key)) cards.get(key)!.set('title', s.text);
    else {
      const card = new Y.Map<unknown>();
      card.set('id', key);
      card.set('title', s.text);
      cards.set(key, card);
    }
  }
  sync();
  return docs[0]!;
}

describe('a room loaded in slices', () => {
  it('is the same document as the room loaded whole, whatever its history', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), fc.integer({ min: 1, max: 20 }), (steps, size) => {
        const room = roomAfter(steps);
        const whole = Y.encodeStateAsUpdate(room);
        const slices = sliceUpdate(whole, size);
        const loaded = new Y.Doc();
        for (const slice of slices) Y.applyUpdate(loaded, slice);
        expect(loaded.store.pendingStructs).toBeNull();
        expect(loaded.store.pendingDs).toBeNull();
        expect(loaded.getMap('cards').toJSON()).toEqual(room.getMap('cards').toJSON());
        expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(room));
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('cuts a large room into slices of the size asked', () => {
    const room = new Y.Doc();
    const cards = room.getMap<Y.Map<unknown>>('cards');
    room.transact(() => {
      for (let i = 0; i < 1000; i++) {
        const card = new Y.Map<unknown>();
        card.set('id', `c${i}`);
        card.set('title', `Card ${i}`);
        cards.set(`c${i}`, card);
      }
    });
    const slices = sliceUpdate(Y.encodeStateAsUpdate(room), 100);
    // 1,000 cards of 3 structs each (the card and its two fields), 100 to a slice.
    expect(slices).toHaveLength(30);
    for (const slice of slices) expect(Y.decodeUpdate(slice).structs.length).toBeLessThanOrEqual(100);
  });
});
