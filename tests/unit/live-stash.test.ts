import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { liveStash } from '../../src/live/unload-state';
import { memoryStorage } from '../helpers/memory-storage';

describe('the live document left for the next page', () => {
  it('gives back a document of any size, whole, with its waiting count, until removed', () => {
    const doc = new Y.Doc();
    const cards = doc.getMap<Y.Map<unknown>>('cards');
    // Larger than one slice of the encoding, with text in several scripts.
    for (let i = 0; i < 3000; i++) cards.set(`c${i}`, new Y.Map([['title', `カード ${i} — بطاقة`]]));
    const stash = liveStash(memoryStorage());
    stash.put('j1', { state: Y.encodeStateAsUpdate(doc), waiting: 7 });
    const back = stash.take('j1')!;
    expect(back.waiting).toBe(7);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, back.state);
    expect(copy.getMap<Y.Map<unknown>>('cards').get('c2999')!.get('title')).toBe('カード 2999 — بطاقة');
    stash.remove('j1');
    expect(stash.take('j1')).toBeNull();
  });

  it('survives a full or missing storage and a damaged entry', () => {
    expect(() => liveStash(memoryStorage(true)).put('j1', { state: new Uint8Array([1]), waiting: 1 })).not.toThrow();
    expect(liveStash(null).take('j1')).toBeNull();
    const storage = memoryStorage();
    storage.setItem('journey-canvas:live-state:j1', '{not json');
    expect(liveStash(storage).take('j1')).toBeNull();
    storage.setItem('journey-canvas:live-state:j1', JSON.stringify({ state: '%%%', waiting: 2 }));
    expect(liveStash(storage).take('j1')).toBeNull();
  });
});
