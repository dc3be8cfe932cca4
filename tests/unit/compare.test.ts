import { describe, expect, it } from 'vitest';
import {
  alignStages,
  CURVE_PALETTE,
  curveColors,
  divergenceRanking,
  mostDivergent,
  seriesLabels,
  stageScores,
} from '../../src/domain/compare';
import { journeyParts, type JourneyParts } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

const stages = (...names: string[]) => ({
  stages: names.map((name, i) => ({ id: `${names.join()}-${i}`, journeyId: 'j', order: String(i), name })),
});

describe('alignStages', () => {
  it('matches names ignoring case and surrounding spaces', () => {
    const a = alignStages([stages('Discover', 'Buy', 'Use'), stages(' discover', 'BUY ', 'Use')]);
    expect(a.byPosition).toBe(false);
    expect(a.stages.map((s) => s.name)).toEqual(['Discover', 'Buy', 'Use']);
    expect(a.stages.every((s) => s.stageIds.every((id) => id !== null))).toBe(true);
  });

  it('keeps unmatched stages in their order, next to the stage they follow', () => {
    const a = alignStages([stages('Discover', 'Buy', 'Use'), stages('Discover', 'Compare', 'Buy', 'Return')]);
    expect(a.stages.map((s) => s.name)).toEqual(['Discover', 'Compare', 'Buy', 'Return', 'Use']);
    expect(a.stages.map((s) => s.stageIds.map((id) => id !== null))).toEqual([
      [true, true],
      [false, true],
      [true, true],
      [false, true],
      [true, false],
    ]);
  });

  it('lines stages up by position when no name is shared, and says so', () => {
    const a = alignStages([stages('A', 'B'), stages('X', 'Y', 'Z')]);
    expect(a.byPosition).toBe(true);
    expect(a.stages.map((s) => s.name)).toEqual(['A / X', 'B / Y', 'Z']);
    expect(a.stages[2]!.stageIds[0]).toBeNull();
    // Stages at the same position are not the same stage: nothing is shared.
    expect(a.stages.every((s) => !s.shared)).toBe(true);
  });
});

describe('stage scores and divergence', () => {
  const store = storeWith(readExample('headphones-two-personas.journey.json'));
  const sam = journeyParts(store.getDoc(), 'j-sam')!;
  const ruth = journeyParts(store.getDoc(), 'j-ruth')!;

  it('averages each persona’s emotions per stage and takes the gap', () => {
    const scores = stageScores([sam, ruth], alignStages([sam, ruth]));
    expect(scores.map((s) => s.averages)).toEqual([
      [1, 0],
      [2, 1],
      [-1, -2],
      [1, 0],
      [2, 1],
    ]);
    expect(scores.map((s) => s.gap)).toEqual([1, 1, 1, 1, 1]);
  });

  it('finds Sam and Ruth differ most at “Wait”: equal gaps, and there someone is worst off', () => {
    const scores = stageScores([sam, ruth], alignStages([sam, ruth]));
    expect(divergenceRanking(scores)[0]).toBe(2);
    expect(mostDivergent(scores).map((i) => scores[i]!.name)).toEqual(['Wait']);
  });

  it('handles journeys without emotion cards and stages missing in some journeys', () => {
    const noEmotions: JourneyParts = { ...ruth, cards: ruth.cards.filter((c) => c.score === undefined) };
    const scores = stageScores([sam, noEmotions], alignStages([sam, noEmotions]));
    expect(scores.every((s) => s.gap === null)).toBe(true);
    expect(mostDivergent(scores)).toEqual([]);

    const shorter: JourneyParts = { ...ruth, stages: ruth.stages.filter((s) => s.name !== 'Use') };
    const s2 = stageScores([sam, shorter], alignStages([sam, shorter]));
    expect(s2[4]).toMatchObject({ name: 'Use', averages: [2, null], gap: null, onlyIn: 0 });
  });

  it('claims no divergence between journeys lined up by position, only where a stage is shared', () => {
    const renamed: JourneyParts = { ...ruth, stages: ruth.stages.map((s) => ({ ...s, name: `${s.name} (Ruth)` })) };
    const alignment = alignStages([sam, renamed]);
    expect(alignment.byPosition).toBe(true);
    const scores = stageScores([sam, renamed], alignment);
    expect(scores.every((s) => s.gap === null && s.onlyIn === null)).toBe(true);
    expect(mostDivergent(scores)).toEqual([]);
    // Averages are still there to chart.
    expect(scores.some((s) => s.averages.every((a) => a !== null))).toBe(true);
  });

  it('ranks a larger gap above a lower score', () => {
    const scores = [
      { name: 'a', averages: [], onlyIn: null, gap: 1, lowest: -2 },
      { name: 'b', averages: [], onlyIn: null, gap: 3, lowest: 0 },
      { name: 'c', averages: [], onlyIn: null, gap: null, lowest: 1 },
      { name: 'd', averages: [], onlyIn: null, gap: 3, lowest: 0 },
    ];
    expect(divergenceRanking(scores)).toEqual([1, 3, 0]);
    expect(mostDivergent(scores)).toEqual([1, 3]);
  });
});

describe('curveColors', () => {
  it("keeps each persona's own colour, and gives the others palette colours nobody shows", () => {
    // The first journey has no colour; the second's own colour is the palette's first.
    expect(curveColors([undefined, CURVE_PALETTE[0]])).toEqual([CURVE_PALETTE[1], CURVE_PALETTE[0]]);
    expect(curveColors(['#112233', '#112233', undefined])).toEqual(['#112233', CURVE_PALETTE[0], CURVE_PALETTE[1]]);
    // Colours differ only in case: still the same colour.
    expect(curveColors(['#2E86AB', undefined])).toEqual(['#2E86AB', CURVE_PALETTE[1]]);
  });

  it('gives five journeys five colours, whatever their personas say', () => {
    const colors = curveColors([CURVE_PALETTE[4], undefined, CURVE_PALETTE[4], CURVE_PALETTE[0], undefined]);
    expect(new Set(colors.map((c) => c.toLowerCase())).size).toBe(5);
  });
});

describe('seriesLabels', () => {
  const j = (id: string, persona: string | null, state?: 'current' | 'future') =>
    ({
      journey: { id, title: `${id} title`, personaId: null, createdAt: 0, updatedAt: 0, ...(state ? { state } : {}) },
      persona: persona ? { name: persona } : null,
    }) as unknown as Pick<JourneyParts, 'journey' | 'persona'>;
  it('names journeys by persona, telling a current and a future state apart, or else two journeys by title', () => {
    const name = (s: string) => `${s} state`;
    expect(seriesLabels([j('a', 'Priya'), j('b', 'Priya', 'future')], name)).toEqual([
      'Priya (current state)',
      'Priya (future state)',
    ]);
    expect(seriesLabels([j('a', 'Priya'), j('b', 'Priya'), j('c', 'George')], name)).toEqual([
      'Priya — a title',
      'Priya — b title',
      'George',
    ]);
    expect(seriesLabels([j('a', null), j('b', 'Ben')], name)).toEqual(['a title', 'Ben']);
  });
});
