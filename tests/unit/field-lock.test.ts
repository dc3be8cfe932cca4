import { describe, expect, it } from 'vitest';
import {
  CLAIM_STALE_MS,
  claimsFirst,
  fieldHolders,
  isStale,
  nextSeq,
  nextStale,
  parseClaim,
  type Claimant,
  type FieldClaim,
} from '../../src/live/field-lock';
import { readPresence } from '../../src/live/presence';

const claim = (seq: number, field: FieldClaim['field'] = 'title', cardId = 'c1', beat = 0): FieldClaim => ({
  cardId,
  field,
  seq,
  beat,
});
const person = (clientId: number, name: string, editing: FieldClaim | null, seenAt = 1000): Claimant => ({
  clientId,
  name,
  color: '#2e86ab',
  editing,
  seenAt,
});
const holders = (claimants: Claimant[], me: number | undefined, now = 1000) =>
  fieldHolders(claimants, me, now).map((h) => [h.cardId, h.field, h.name, h.me]);

describe('who holds a field', () => {
  it('is the one claim on it, seen by the holder as theirs and by the others as someone else', () => {
    const everyone = [person(1, 'Dev', claim(3)), person(2, 'Kenji', null)];
    expect(holders(everyone, 1)).toEqual([['c1', 'title', 'Dev', true]]);
    expect(holders(everyone, 2)).toEqual([['c1', 'title', 'Dev', false]]);
  });

  it('of two claims on one field, is the earlier (smaller number), whatever the order they are listed in', () => {
    const a = person(7, 'Dev', claim(4));
    const b = person(2, 'Kenji', claim(5));
    expect(holders([a, b], 7)).toEqual([['c1', 'title', 'Dev', true]]);
    expect(holders([b, a], 2)).toEqual([['c1', 'title', 'Dev', false]]);
  });

  it('breaks a tie of two claims made at once by the smaller client id, the same on both screens', () => {
    const a = person(7, 'Dev', claim(4));
    const b = person(2, 'Kenji', claim(4));
    expect(holders([a, b], 7)).toEqual([['c1', 'title', 'Kenji', false]]);
    expect(holders([b, a], 2)).toEqual([['c1', 'title', 'Kenji', true]]);
    expect(claimsFirst({ seq: 4, clientId: 2 }, { seq: 4, clientId: 7 })).toBe(true);
    expect(claimsFirst({ seq: 5, clientId: 1 }, { seq: 4, clientId: 7 })).toBe(false);
  });

  it('keeps claims on different fields, or on different cards, apart', () => {
    const everyone = [
      person(1, 'Dev', claim(1, 'title')),
      person(2, 'Kenji', claim(1, 'notes')),
      person(3, 'Amara', claim(1, 'title', 'c2')),
    ];
    expect(holders(everyone, 4)).toEqual([
      ['c1', 'title', 'Dev', false],
      ['c1', 'notes', 'Kenji', false],
      ['c2', 'title', 'Amara', false],
    ]);
  });

  it('no longer honours another’s claim not seen refreshed for 12 s, by this screen’s clock; never one’s own', () => {
    const everyone = [person(1, 'Dev', claim(1), 0), person(2, 'Kenji', claim(2), 0)];
    expect(holders(everyone, 3, CLAIM_STALE_MS - 1)).toEqual([['c1', 'title', 'Dev', false]]);
    expect(holders(everyone, 3, CLAIM_STALE_MS)).toEqual([]);
    // Dev's own claim stands for Dev; Kenji's, though later, is the only one Kenji still honours.
    expect(holders(everyone, 1, CLAIM_STALE_MS)).toEqual([['c1', 'title', 'Dev', true]]);
    expect(holders(everyone, 2, CLAIM_STALE_MS)).toEqual([['c1', 'title', 'Kenji', true]]);
    expect(isStale(0, CLAIM_STALE_MS - 1)).toBe(false);
    expect(isStale(0, CLAIM_STALE_MS)).toBe(true);
  });

  it('says when the next of the others’ claims goes stale, so the screen looks again then', () => {
    const everyone = [person(1, 'Dev', claim(1), 500), person(2, 'Kenji', claim(2), 200), person(3, 'Me', claim(3), 0)];
    expect(nextStale(everyone, 3, 1000)).toBe(200 + CLAIM_STALE_MS);
    expect(nextStale([person(1, 'Dev', null)], 3, 1000)).toBeNull();
    expect(nextStale(everyone, 3, 200 + CLAIM_STALE_MS)).toBe(500 + CLAIM_STALE_MS);
  });

  it('numbers a new claim after every claim seen, so a claim made after seeing another comes after it', () => {
    expect(nextSeq(0)).toBe(1);
    expect(nextSeq(41)).toBe(42);
    expect(nextSeq(-5)).toBe(1);
    expect(nextSeq(2 ** 31 - 1)).toBe(2 ** 31 - 1);
  });
});

describe('a claim from a peer', () => {
  it('is taken only when well formed: a field of the allow-list, a bounded card id, whole counts', () => {
    expect(parseClaim({ cardId: 'c1', field: 'notes', seq: 3, beat: 1 })).toEqual(claim(3, 'notes', 'c1', 1));
    expect(parseClaim(null)).toBeNull();
    expect(parseClaim('title')).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: 'evidence', seq: 1, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: '__proto__', seq: 1, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'x'.repeat(101), field: 'title', seq: 1, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: '', field: 'title', seq: 1, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 7, field: 'title', seq: 1, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: 'title', seq: -1, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: 'title', seq: 1.5, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: 'title', seq: Number.MAX_SAFE_INTEGER, beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: 'title', seq: '1', beat: 0 })).toBeNull();
    expect(parseClaim({ cardId: 'c1', field: 'title', seq: 1 })).toBeNull();
  });

  it('comes with a presence whose every part is checked and bounded', () => {
    expect(
      readPresence({
        name: ' Dev ',
        color: '#E4572E',
        selected: 'c1',
        leading: true,
        view: { stages: ['s1', 's2'], present: null, lane: 'l1' },
        editing: { cardId: 'c1', field: 'title', seq: 1, beat: 0 },
        role: 'host',
      }),
    ).toEqual({
      name: 'Dev',
      color: '#E4572E',
      selected: 'c1',
      leading: true,
      view: { stages: ['s1', 's2'], present: null, lane: 'l1' },
      editing: claim(1),
      role: 'host',
    });
    const hostile = readPresence({
      name: 'D'.repeat(5000),
      color: 'red; background: url(x)',
      selected: { id: 'c1' },
      leading: 'yes',
      view: { stages: ['s1', { id: 's2' }], present: 's1' },
      editing: { cardId: 'c1', field: 'title', seq: 1, beat: 0, extra: 'x'.repeat(10_000) },
      role: 'admin',
    })!;
    expect(hostile.role).toBeNull();
    expect(hostile.name).toHaveLength(100);
    expect(hostile.color).toMatch(/^#[0-9a-f]{6}$/);
    expect([hostile.selected, hostile.leading, hostile.view]).toEqual([null, false, null]);
    expect(hostile.editing).toEqual(claim(1));
    expect(readPresence({ name: '   ' })).toBeNull();
    expect(readPresence({ name: 42 })).toBeNull();
    expect(readPresence(undefined)).toBeNull();
  });
});
