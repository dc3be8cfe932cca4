import { describe, expect, it } from 'vitest';
import { rollCall, type Present } from '../../src/live/roll-call';

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
});
