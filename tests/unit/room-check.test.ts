import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomCheck } from '../../src/server/update-check';

const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

/** A participant's document: each change it makes, as the update it sends. */
function participant() {
  const doc = new Y.Doc();
  const sent: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => sent.push(u));
  const stage = (id: string, name: unknown) => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id, journeyId: 'j1', order: 'a0', name })) m.set(k, v);
    doc.getMap('stages').set(id, m);
    return sent.at(-1)!;
  };
  return { doc, stage };
}

describe('the server’s check of a room’s changes', () => {
  it('takes a sound change, refuses a broken one, and refuses what builds on a refused one', () => {
    const check = new RoomCheck(EMPTY, { maxRecords: 100, maxBytes: 1_000_000 });
    const p = participant();
    expect(check.check(p.stage('s1', 'Discover'))).toBeNull();
    expect(check.check(p.stage('s2', { not: 'a name' }))).toBe('invalid');
    // Sound in itself, but it comes after the refused change: the room could never place it.
    expect(check.check(p.stage('s3', 'Compare'))).toBe('invalid');
    // Another participant, who never saw the refused change, is taken.
    const q = participant();
    expect(check.check(q.stage('s4', 'Buy'))).toBeNull();
  });

  it('refuses a change past the room’s records, and follows what other processes relayed', () => {
    const check = new RoomCheck(EMPTY, { maxRecords: 2, maxBytes: 1_000_000 });
    const p = participant();
    expect(check.check(p.stage('s1', 'One'))).toBeNull();
    const other = participant();
    check.follow(other.stage('x1', 'Relayed'));
    expect(check.check(p.stage('s2', 'Three'))).toBe('full');
  });
});
