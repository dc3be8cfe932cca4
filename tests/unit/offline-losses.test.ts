import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCK_FIELDS, type LockField } from '../../src/live/field-lock';
import { noteOfflineEdit, offlineLosses, type OfflineEdit } from '../../src/live/offline-losses';

type Card = { title: string } & Partial<Record<LockField, string>>;

describe('offline changes the merge did not keep', () => {
  it('names the card, the field, the one whose change was kept, and gives the text back', () => {
    const edits = new Map<string, OfflineEdit>();
    noteOfflineEdit(edits, 'c1', 'title', 'Router arrives', 'Router arrives late');
    noteOfflineEdit(edits, 'c1', 'title', 'Router arrives', 'Router arrives late, again');
    noteOfflineEdit(edits, 'c2', 'notes', '', 'Asked twice');
    const cards: Record<string, Card> = {
      c1: { title: 'Router never arrives' },
      c2: { title: 'Call centre', notes: 'Asked twice' },
    };
    const losses = offlineLosses(
      edits.values(),
      (id) => cards[id],
      () => 'Dev',
    );
    expect(losses).toEqual([
      {
        cardId: 'c1',
        field: 'title',
        cardTitle: 'Router never arrives',
        text: 'Router arrives late, again',
        by: 'Dev',
      },
    ]);
  });

  it('tells a loss exactly when the merged field holds something other than what was written, and only then', () => {
    const field = fc.constantFrom(...LOCK_FIELDS);
    const text = fc.constantFrom('', 'a', 'b', 'c');
    const change = fc.record({ card: fc.constantFrom('c1', 'c2'), field, text });
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 12 }),
        fc.dictionary(fc.constantFrom(...LOCK_FIELDS), text),
        fc.boolean(),
        (changes, merged, c2Gone) => {
          const before: Card = { title: 'a' };
          const edits = new Map<string, OfflineEdit>();
          const written = new Map<string, string>();
          for (const c of changes) {
            const key = `${c.card}\u0000${c.field}`;
            noteOfflineEdit(edits, c.card, c.field, before[c.field] ?? '', c.text);
            written.set(key, c.text);
          }
          const now = (id: string): Card | undefined => (id === 'c2' && c2Gone ? undefined : { title: 'a', ...merged });
          const losses = offlineLosses(edits.values(), now, () => null);
          const expected = [...written]
            .map(([key, last]) => {
              const [card, f] = key.split('\u0000') as [string, LockField];
              return { card, f, last };
            })
            .filter(({ card, f, last }) => {
              const merged_ = now(card);
              return merged_ !== undefined && last !== (before[f] ?? '') && (merged_[f] ?? '') !== last;
            });
          expect(losses.map((l) => `${l.cardId}/${l.field}/${l.text}`).sort()).toEqual(
            expected.map(({ card, f, last }) => `${card}/${f}/${last}`).sort(),
          );
        },
      ),
    );
  });
});
