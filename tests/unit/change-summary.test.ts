import { produceWithPatches, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { cardChanges } from '../../src/domain/change-summary';
import type { CardRec, Workspace } from '../../src/domain/types';

enablePatches();

const card = (id: string, over: Partial<CardRec> = {}): CardRec => ({
  id,
  journeyId: 'j1',
  stageId: 's1',
  laneId: 'l1',
  order: 'a0',
  title: `Card ${id}`,
  ...over,
});

const workspace = (cards: CardRec[]): Workspace => ({
  personas: {},
  journeys: {},
  stages: {},
  lanes: {},
  cards: Object.fromEntries(cards.map((c) => [c.id, c])),
  connections: {},
});

function change(before: Workspace, recipe: (d: Workspace) => void) {
  const [after, patches] = produceWithPatches(before, recipe);
  return cardChanges(patches, before, after, 'j1');
}

describe('cardChanges', () => {
  const before = workspace([card('a'), card('b'), card('x', { journeyId: 'j2' })]);

  it('names added, removed, moved and edited cards of the journey', () => {
    const result = change(before, (d) => {
      d.cards.c = card('c');
      delete d.cards.a;
      d.cards.b!.stageId = 's2';
    });
    expect(result.added.map((c) => c.id)).toEqual(['c']);
    expect(result.removed.map((c) => c.title)).toEqual(['Card a']);
    expect(result.moved.map((c) => c.stageId)).toEqual(['s2']);
    expect(result.edited).toEqual([]);
  });

  it('counts a new title as an edit and a reorder within the cell as nothing', () => {
    expect(change(before, (d) => void (d.cards.a!.title = 'Renamed')).edited.map((c) => c.title)).toEqual(['Renamed']);
    const reorder = change(before, (d) => void (d.cards.a!.order = 'b0'));
    expect(reorder).toEqual({ added: [], removed: [], moved: [], edited: [] });
  });

  it('leaves out other journeys’ cards', () => {
    expect(change(before, (d) => void delete d.cards.x)).toEqual({ added: [], removed: [], moved: [], edited: [] });
  });

  it('counts a card replaced whole in another lane as moved, not edited', () => {
    const result = change(before, (d) => void (d.cards.a = { ...d.cards.a!, laneId: 'l2', title: 'Also renamed' }));
    expect(result.moved.map((c) => c.laneId)).toEqual(['l2']);
    expect(result.edited).toEqual([]);
  });
});
