import { describe, expect, it } from 'vitest';
import { foldPeople, initials } from '../../src/features/live/people-fold';

describe('initials', () => {
  it('takes the first and last words’ first letters, ignoring what is in brackets', () => {
    expect(initials('Kenji Watanabe')).toBe('KW');
    expect(initials('Fatima (facilitator)')).toBe('F');
    expect(initials('Mei-Ling  de la Cruz Chen')).toBe('MC');
    expect(initials('léa')).toBe('L');
    expect(initials('Ōtsuka Ren')).toBe('ŌR');
  });

  it('gives one character for a name in a script without spaces, and something for any name', () => {
    expect(initials('李明')).toBe('李');
    expect(initials('田中 花子')).toBe('田');
    expect(initials('(x)')).toBe('(');
    expect(initials('🙂')).toBe('🙂');
  });
});

describe('foldPeople', () => {
  const person = (name: string, me = false, connected = true) => ({ name, me, connected });

  it('shows this person first, then those here, then those gone, and counts the rest', () => {
    const people = [person('A', false, false), person('B'), person('Me', true), person('C'), person('D'), person('E')];
    const { shown, rest } = foldPeople(people, 3);
    expect(shown.map((p) => p.name)).toEqual(['Me', 'B', 'C']);
    expect(rest).toBe(3);
  });

  it('never says "+1": the last face takes its place', () => {
    const people = ['A', 'B', 'C', 'D'].map((n) => person(n));
    expect(foldPeople(people, 3)).toEqual({ shown: people, rest: 0 });
    expect(foldPeople(people.slice(0, 2), 3).rest).toBe(0);
  });
});
