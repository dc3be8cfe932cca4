import { describe, expect, it } from 'vitest';
import { undoStep } from '../../src/store/workspace-store';
import {
  addCard,
  cardContent,
  deleteCards,
  duplicateCards,
  moveCards,
  pasteCards,
  setEmotionScore,
  updateCard,
} from '../../src/domain/card-commands';
import { addConnection, deleteConnection, updateConnection } from '../../src/domain/connection-commands';
import { updateJourney } from '../../src/domain/journey-commands';
import { journeyParts } from '../../src/domain/queries';
import {
  addLane,
  addStage,
  deleteLane,
  deleteStage,
  moveLane,
  moveStage,
  renameLane,
  renameStage,
} from '../../src/domain/stage-commands';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

const J = 'j-reschedule';
const fresh = () => storeWith(readExample('appointment-reschedule.journey.json'));
const parts = (store: ReturnType<typeof fresh>) => journeyParts(store.getDoc(), J)!;
const cell = (store: ReturnType<typeof fresh>, stageId: string, laneId: string) =>
  parts(store)
    .cards.filter((c) => c.stageId === stageId && c.laneId === laneId)
    .map((c) => c.id);

describe('stage commands', () => {
  it('adds at the end or after a given stage, renames and moves', () => {
    const store = fresh();
    store.dispatch(addStage({ id: 'new-end', journeyId: J, name: 'Review' }));
    store.dispatch(addStage({ id: 'new-mid', journeyId: J, name: ' Wait ', afterStageId: 's-need' }));
    expect(parts(store).stages.map((s) => s.name)).toEqual([
      'Need to reschedule',
      'Wait',
      'Contact',
      'Resolution',
      'Follow-up',
      'Review',
    ]);
    store.dispatch(renameStage('new-mid', 'Waiting'));
    store.dispatch(moveStage('new-end', 0));
    store.dispatch(moveStage('s-need', 99));
    expect(parts(store).stages.map((s) => s.name)).toEqual([
      'Review',
      'Waiting',
      'Contact',
      'Resolution',
      'Follow-up',
      'Need to reschedule',
    ]);
    expect(() => store.dispatch(renameStage('s-need', '   '))).toThrow(/titleRequired/);
  });

  it('deletes a stage with its cards and their connections; undo brings all back', () => {
    const store = fresh();
    const before = structuredClone(store.getDoc());
    store.dispatch(deleteStage('s-contact'));
    const p = parts(store);
    expect(p.stages).toHaveLength(3);
    expect(p.cards.some((c) => c.stageId === 's-contact')).toBe(false);
    expect(p.cards).toHaveLength(16 - 7);
    expect(p.connections.map((x) => x.id)).toEqual(['x3']);
    store.dispatch(undoStep(J));
    expect(store.getDoc()).toEqual(before);
  });

  it('keeps at least one stage and refuses a missing journey', () => {
    const store = fresh();
    for (const id of ['s-contact', 's-resolve', 's-after']) store.dispatch(deleteStage(id));
    expect(() => store.dispatch(deleteStage('s-need'))).toThrow(/lastStage/);
    expect(() => store.dispatch(addStage({ id: 's', journeyId: 'nope', name: 'x' }))).toThrow(/journeyMissing/);
  });
});

describe('lane commands', () => {
  it('adds a missing kind, refuses a second one (but not a second notes lane), renames, moves, deletes', () => {
    const store = fresh();
    expect(() => store.dispatch(addLane({ id: 'l2', journeyId: J, kind: 'emotions' }))).toThrow(/laneKindExists/);
    store.dispatch(addLane({ id: 'n1', journeyId: J, kind: 'notes' }));
    store.dispatch(addLane({ id: 'n2', journeyId: J, kind: 'notes', afterLaneId: 'l-actions' }));
    expect(
      parts(store)
        .lanes.map((l) => l.id)
        .slice(0, 3),
    ).toEqual(['l-actions', 'n2', 'l-touchpoints']);
    store.dispatch(renameLane('n2', 'Quotes'));
    expect(store.getDoc().lanes.n2!.title).toBe('Quotes');
    store.dispatch(renameLane('n2', ''));
    expect(store.getDoc().lanes.n2!.title).toBeUndefined();
    store.dispatch(moveLane('n1', 0));
    expect(parts(store).lanes[0]!.id).toBe('n1');
    store.dispatch(deleteLane('l-touchpoints'));
    expect(parts(store).cards.some((c) => c.laneId === 'l-touchpoints')).toBe(false);
    expect(parts(store).connections).toEqual([]);
  });
});

describe('card commands', () => {
  it('adds an empty card at the end of a cell; emotion cards start at 0, metrics at custom', () => {
    const store = fresh();
    store.dispatch(addCard({ id: 'e1', journeyId: J, stageId: 's-resolve', laneId: 'l-emotions' }));
    store.dispatch(addCard({ id: 'm1', journeyId: J, stageId: 's-need', laneId: 'l-metrics' }));
    store.dispatch(addCard({ id: 't0', journeyId: J, stageId: 's-contact', laneId: 'l-touchpoints', index: 0 }));
    expect(store.getDoc().cards.e1).toMatchObject({ title: '', score: 0 });
    expect(store.getDoc().cards.m1).toMatchObject({ metric: 'custom' });
    expect(cell(store, 's-resolve', 'l-emotions')).toEqual(['c12', 'e1']);
    expect(cell(store, 's-contact', 'l-touchpoints')).toEqual(['t0', 'c4', 'c5']);
  });

  it('updates fields of the card’s kind only, validates them, and clears optional ones', () => {
    const store = fresh();
    store.dispatch(
      updateCard('c9', { title: 'Unified inbox', owner: 'CX team', votes: 7, status: 'doing', evidence: 'reported' }),
    );
    expect(store.getDoc().cards.c9).toMatchObject({
      title: 'Unified inbox',
      owner: 'CX team',
      votes: 7,
      status: 'doing',
      evidence: 'reported',
    });
    store.dispatch(updateCard('c9', { owner: undefined }));
    expect('owner' in store.getDoc().cards.c9!).toBe(false);
    expect(() => store.dispatch(updateCard('c4', { score: 1 }))).toThrow(/fieldNotForKind/);
    expect(() => store.dispatch(updateCard('c7', { score: 3 }))).toThrow(/fieldInvalid/);
    expect(() => store.dispatch(updateCard('c7', { score: undefined }))).toThrow(/fieldRequired/);
    expect(() => store.dispatch(updateCard('c9', { impact: 4 }))).toThrow(/fieldInvalid/);
    expect(() => store.dispatch(updateCard('c10', { value: Number.NaN }))).toThrow(/fieldInvalid/);
    store.dispatch(setEmotionScore('c7', 5));
    expect(store.getDoc().cards.c7!.score).toBe(2);
  });

  it('moves cards between cells in order, and fits them to the new lane’s kind', () => {
    const store = fresh();
    store.dispatch(moveCards(['c5'], { stageId: 's-contact', laneId: 'l-touchpoints', index: 0 }));
    expect(cell(store, 's-contact', 'l-touchpoints')).toEqual(['c5', 'c4']);
    store.dispatch(moveCards(['c4', 'c5'], { stageId: 's-after', laneId: 'l-touchpoints', index: 1 }));
    expect(cell(store, 's-after', 'l-touchpoints')).toEqual(['c14', 'c4', 'c5']);
    store.dispatch(moveCards(['c4'], { stageId: 's-after', laneId: 'l-emotions', index: 0 }));
    const moved = store.getDoc().cards.c4!;
    expect(moved.channel).toBeUndefined();
    expect(moved.score).toBe(0);
    // One intent, one undo step.
    store.dispatch(undoStep(J));
    expect(store.getDoc().cards.c4).toMatchObject({ laneId: 'l-touchpoints', channel: 'email' });
  });

  it('deletes cards with their connections', () => {
    const store = fresh();
    store.dispatch(deleteCards(['c5', 'c13']));
    expect(store.getDoc().cards.c5).toBeUndefined();
    expect(parts(store).connections.map((x) => x.id)).toEqual(['x3']);
  });

  it('duplicates cards next to the originals and pastes copied content into another cell', () => {
    const store = fresh();
    store.dispatch(duplicateCards(['c4'], ['c4-copy']));
    expect(cell(store, 's-contact', 'l-touchpoints')).toEqual(['c4', 'c4-copy', 'c5']);
    expect(store.getDoc().cards['c4-copy']).toMatchObject({
      title: 'Sends an email with ID and new date',
      channel: 'email',
    });
    const copied = [cardContent(store.getDoc().cards.c9!)];
    store.dispatch(
      pasteCards(copied, { journeyId: J, stageId: 's-after', laneId: 'l-opportunities', index: 0 }, ['p1']),
    );
    expect(store.getDoc().cards.p1).toMatchObject({ title: copied[0]!.title, impact: 3, stageId: 's-after' });
    store.dispatch(pasteCards(copied, { journeyId: J, stageId: 's-after', laneId: 'l-thoughts', index: 0 }, ['p2']));
    expect(store.getDoc().cards.p2!.impact).toBeUndefined();
  });
});

describe('connection commands', () => {
  it('connects two cards once, edits label and kind, deletes', () => {
    const store = fresh();
    store.dispatch(addConnection({ id: 'n1', from: 'c1', to: 'c4', kind: 'dropoff', label: ' gives up ' }));
    expect(store.getDoc().connections.n1).toMatchObject({ from: 'c1', to: 'c4', kind: 'dropoff', label: 'gives up' });
    expect(parts(store).connections.at(-1)!.id).toBe('n1');
    expect(() => store.dispatch(addConnection({ id: 'n2', from: 'c1', to: 'c4' }))).toThrow(/connectionExists/);
    expect(() => store.dispatch(addConnection({ id: 'n3', from: 'c1', to: 'c1' }))).toThrow(/selfConnection/);
    store.dispatch(updateConnection('n1', { label: 'leaves', kind: 'alternative' }));
    expect(store.getDoc().connections.n1).toMatchObject({ label: 'leaves', kind: 'alternative' });
    store.dispatch(deleteConnection('n1'));
    expect(store.getDoc().connections.n1).toBeUndefined();
  });
});

describe('journey header and history', () => {
  it('edits title, scenario and persona', () => {
    const store = fresh();
    store.dispatch(updateJourney(J, { title: 'Moving an appointment', scenario: '', personaId: null }));
    expect(store.getDoc().journeys[J]).toMatchObject({ title: 'Moving an appointment', personaId: null });
    expect(store.getDoc().journeys[J]!.scenario).toBeUndefined();
    expect(() => store.dispatch(updateJourney(J, { personaId: 'nobody' }))).toThrow(/personaMissing/);
  });

  it('makes typing in one field one undo step, and keeps at least 200 steps', () => {
    const store = fresh();
    for (const title of ['F', 'Fr', 'Fru', 'Frus'])
      store.dispatch(updateCard('c7', { title }), { mergeKey: 'c7:title' });
    store.dispatch(updateCard('c7', { notes: 'n' }), { mergeKey: 'c7:notes' });
    store.dispatch(undoStep(J));
    expect(store.getDoc().cards.c7!.title).toBe('Frus');
    store.dispatch(undoStep(J));
    expect(store.getDoc().cards.c7!.title).toBe('Frustrated');
    for (let i = 0; i < 250; i++) store.dispatch(setEmotionScore('c7', i % 2));
    let steps = 0;
    while (store.dispatch(undoStep(J)) !== null) steps++;
    expect(steps).toBeGreaterThanOrEqual(200);
  });
});
