import { describe, expect, it } from 'vitest';
import { emptyWorkspace, type Workspace } from '../../src/domain/types';
import { heldRecords } from '../../src/storage/held-records';
import { journeyOf } from '../helpers/journey-builder';

/** Two journeys listed; only the first one's parts were read into memory. */
function workspace(): Workspace {
  const ws = emptyWorkspace();
  const open = journeyOf('open', ['Find'], [{ stage: 'Find', kind: 'actions', title: 'Searches' }], 'Aiko');
  const listed = journeyOf('listed', ['Buy'], [], 'Ben');
  for (const parts of [open, listed]) {
    ws.journeys[parts.journey.id] = { ...parts.journey, title: `${parts.journey.id} — ${parts.persona!.name}` };
    ws.personas[parts.persona!.id] = parts.persona!;
  }
  for (const s of open.stages) ws.stages[s.id] = s;
  for (const l of open.lanes) ws.lanes[l.id] = l;
  for (const c of open.cards) ws.cards[c.id] = c;
  return ws;
}

describe('heldRecords', () => {
  it('gives every persona and the journeys read into memory with their parts, and names the others', () => {
    const held = heldRecords(workspace(), (id) => id === 'open');
    expect(Object.fromEntries([...held.changed].map(([t, ids]) => [t, [...ids].sort()]))).toEqual({
      personas: ['p-listed', 'p-open'],
      journeys: ['open'],
      stages: ['open-s0'],
      lanes: ['open-l-actions'],
      cards: [expect.any(String)],
      connections: [],
    });
    expect(held.journeys).toEqual(['open']);
    expect(held.lost).toEqual(['listed — Ben']);
  });

  it('loses nothing when every journey was read', () => {
    expect(heldRecords(workspace(), () => true).lost).toEqual([]);
  });
});
