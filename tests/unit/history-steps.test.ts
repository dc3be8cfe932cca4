import { describe, expect, it } from 'vitest';
import { addCard } from '../../src/domain/card-commands';
import { importDocument } from '../../src/domain/format/import-document';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { createJourney, deleteJourney } from '../../src/domain/journey-commands';
import { revertStep } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

const appointment = () => {
  const parsed = parseJourneyFile(readExample('appointment-reschedule.journey.json'));
  if (!parsed.ok) throw new Error('invalid');
  return parsed.doc;
};

describe('a toast’s Undo after later steps', () => {
  it('takes the cards added since with the journey it removes', () => {
    const store = storeWith();
    const entry = store.dispatch(importDocument(appointment()));
    const [journeyId] = Object.keys(store.getDoc().journeys);
    const stage = Object.values(store.getDoc().stages)[0]!;
    const lane = Object.values(store.getDoc().lanes)[0]!;
    store.dispatch(addCard({ id: 'later', journeyId: journeyId!, stageId: stage.id, laneId: lane.id }));

    store.dispatch(revertStep(entry));
    const doc = store.getDoc();
    expect(doc.journeys).toEqual({});
    expect(doc.cards).toEqual({});
    expect(doc.stages).toEqual({});
  });

  it('keeps a persona the undone import brought while a later journey names it', () => {
    const store = storeWith();
    const entry = store.dispatch(importDocument(appointment()));
    const personaId = Object.keys(store.getDoc().personas)[0]!;
    store.dispatch(createJourney({ id: 'later', title: 'Later', personaId, stageNames: ['S'], laneKinds: ['notes'] }));
    store.dispatch(revertStep(entry));
    expect(store.getDoc().personas[personaId]).toBeDefined();
    expect(store.getDoc().journeys.later!.personaId).toBe(personaId);
  });

  it('brings a deleted journey back exactly, the cards added before the delete included', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    store.dispatch(addCard({ id: 'mine', journeyId: 'j-reschedule', stageId: 's-need', laneId: 'l-actions' }));
    const before = structuredClone(store.getDoc());
    const entry = store.dispatch(deleteJourney('j-reschedule'));
    store.dispatch(revertStep(entry));
    expect(store.getDoc()).toEqual(before);
  });

  it('refuses to put a deleted journey’s records back over records another journey took since', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    const entry = store.dispatch(deleteJourney('j-reschedule'));
    // A path that got the freed ids (what the planner now avoids): the defence below it holds.
    store.dispatch(
      createJourney({ id: 'other', title: 'Other', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }),
    );
    const otherStage = Object.values(store.getDoc().stages)[0]!;
    const otherLane = Object.values(store.getDoc().lanes)[0]!;
    store.dispatch(addCard({ id: 'c1', journeyId: 'other', stageId: otherStage.id, laneId: otherLane.id }));
    const now = structuredClone(store.getDoc());
    expect(() => store.dispatch(revertStep(entry))).toThrow('undoClash');
    expect(store.getDoc()).toEqual(now);
  });

  it('lists the records an Undo could put back, so an import does not take their ids', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    store.dispatch(deleteJourney('j-reschedule'));
    const reserved = store.restorable();
    expect(reserved.has('journeys/j-reschedule')).toBe(true);
    expect(reserved.has('cards/c1')).toBe(true);
  });
});
