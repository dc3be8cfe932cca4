import { describe, expect, it } from 'vitest';
import { addCard } from '../../src/domain/card-commands';
import { countParts } from '../../src/domain/journey-counts';
import { journeySummaries } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('journey counts', () => {
  it('counts each journey’s stages, lanes, cards and connections in one pass', () => {
    const doc = storeWith(readExample('headphones-two-personas.journey.json')).getDoc();
    const counts = countParts(doc);
    for (const id of ['j-sam', 'j-ruth']) {
      const c = counts.get(id)!;
      expect(c.id).toBe(id);
      expect(c.cards).toBe(Object.values(doc.cards).filter((x) => x.journeyId === id).length);
      expect(c.stages).toBe(Object.values(doc.stages).filter((x) => x.journeyId === id).length);
      expect(c.lanes).toBe(Object.values(doc.lanes).filter((x) => x.journeyId === id).length);
      expect(c.connections).toBe(Object.values(doc.connections).filter((x) => x.journeyId === id).length);
    }
    expect([...countParts(doc, new Set(['j-ruth'])).keys()]).toEqual(['j-ruth']);
  });

  it('lists a journey whose parts are not loaded by its stored counts, and a loaded one by its records', () => {
    const store = storeWith(readExample('headphones-two-personas.journey.json'));
    const doc = store.getDoc();
    const stage = Object.values(doc.stages).find((s) => s.journeyId === 'j-sam')!;
    const lane = Object.values(doc.lanes).find((l) => l.journeyId === 'j-sam')!;
    store.dispatch(addCard({ id: 'x', journeyId: 'j-sam', stageId: stage.id, laneId: lane.id }));
    const live = countParts(store.getDoc());
    const stored = { 'j-ruth': { id: 'j-ruth', stages: 9, lanes: 1, cards: 99, connections: 0 } };
    const byId = new Map(journeySummaries(store.getDoc(), stored).map((s) => [s.journey.id, s]));
    expect(byId.get('j-ruth')).toMatchObject({ stageCount: 9, cardCount: 99 });
    expect(byId.get('j-sam')).toMatchObject({
      stageCount: live.get('j-sam')!.stages,
      cardCount: live.get('j-sam')!.cards,
    });
  });
});
