import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readEnrolled, rollCall, ROLL_PREFIX, toEnrol, type Present } from '../../src/live/roll-call';

const person = (clientId: number, name: string, me = false): Present => ({
  clientId,
  name,
  color: '#2e86ab',
  me,
  selected: null,
});

describe('the Participants list', () => {
  it('keeps who left, as not connected, and takes them back when they return under a new connection', () => {
    const first = rollCall([person(1, 'Fatima', true), person(2, 'Kenji'), person(3, 'Amara')], new Map(), true);
    expect(first.list.map((p) => [p.name, p.connected])).toEqual([
      ['Fatima', true],
      ['Kenji', true],
      ['Amara', true],
    ]);
    const left = rollCall([person(1, 'Fatima', true), person(3, 'Amara')], first.seen, true);
    expect(left.list.map((p) => [p.name, p.connected])).toEqual([
      ['Fatima', true],
      ['Amara', true],
      ['Kenji', false],
    ]);
    // Kenji reloads: a new connection, the same person, listed once.
    const back = rollCall([person(1, 'Fatima', true), person(3, 'Amara'), person(9, 'Kenji')], left.seen, true);
    expect(back.list.map((p) => [p.name, p.connected])).toEqual([
      ['Fatima', true],
      ['Amara', true],
      ['Kenji', true],
    ]);
    expect(new Set(back.list.map((p) => p.clientId)).size).toBe(3);
  });

  it('knows no one to be connected while this participant is offline', () => {
    const offline = rollCall([person(1, 'Fatima', true), person(2, 'Kenji')], new Map(), false);
    expect(offline.list.every((p) => !p.connected)).toBe(true);
  });

  it('lists the same people, in the same states and order, on every screen that reads the same roll', () => {
    const names = fc.uniqueArray(fc.constantFrom<string>('Fatima', 'Kenji', 'Amara', 'Dev', 'Lina', '李雷'), {
      minLength: 1,
    });
    fc.assert(
      fc.property(names, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (everyone, here) => {
        // The roll as the room holds it: everyone who came, in whatever order each screen stored it.
        const roll = new Map(everyone.map((name) => [name, { name, color: '#2e86ab' }]));
        const rollBackwards = new Map([...roll].reverse());
        const present = everyone.filter((_, i) => here[i]);
        const screen = (me: string, seen: typeof roll) =>
          rollCall(
            present.map((name, i) => person(i, name, name === me)),
            seen,
            true,
          ).list.map((p) => [p.name, p.connected]);
        // A screen present from the start and a late joiner's (who saw no one leave) agree.
        const first = screen(present[0] ?? '', roll);
        const late = screen(present.at(-1) ?? '', rollBackwards);
        expect(late).toEqual(first);
        expect(first.map(([name]) => name).sort()).toEqual([...everyone].sort());
        for (const [name, connected] of first) expect(connected).toBe(present.includes(name as string));
      }),
    );
  });

  it('adds to the roll only those present it lacks, and reads back no entry a peer forged', () => {
    const added = toEnrol(
      [
        { name: 'Fatima', color: '#2e86ab' },
        { name: 'Kenji', color: '#e4572e' },
      ],
      [{ name: 'Fatima', color: '#2e86ab' }],
    );
    expect(added).toEqual({ [`${ROLL_PREFIX}Kenji`]: { name: 'Kenji', color: '#e4572e' } });
    const [key, value] = Object.entries(added)[0]!;
    expect(readEnrolled(key, value)).toEqual({ name: 'Kenji', color: '#e4572e' });
    // Under another's key, nameless, too long, not an object, a colour that is not one.
    expect(readEnrolled(`${ROLL_PREFIX}Dev`, { name: 'Kenji', color: '#e4572e' })).toBeNull();
    expect(readEnrolled(`${ROLL_PREFIX}`, { name: '', color: '#e4572e' })).toBeNull();
    expect(readEnrolled(`${ROLL_PREFIX}${'x'.repeat(101)}`, { name: 'x'.repeat(101) })).toBeNull();
    expect(readEnrolled(`${ROLL_PREFIX}Dev`, 'Dev')).toBeNull();
    expect(readEnrolled('vote', { name: 'vote' })).toBeNull();
    expect(readEnrolled(`${ROLL_PREFIX}Dev`, { name: 'Dev', color: 'red; background: url(x)' })?.color).toMatch(
      /^#[0-9a-f]{6}$/,
    );
  });
});
