import { describe, expect, it } from 'vitest';
import { alignStages, mostDivergent, stageScores } from '../../src/domain/compare';
import { compareSummary, formatScore } from '../../src/domain/compare-summary';
import type { JourneyParts } from '../../src/domain/queries';

const journey = (id: string, stages: [string, number | null][]) =>
  ({
    journey: { id, title: id },
    persona: null,
    stages: stages.map(([name], i) => ({ id: `${id}${i}`, journeyId: id, order: String(i), name })),
    lanes: [{ id: `${id}-e`, journeyId: id, order: 'a', kind: 'emotions' }],
    cards: stages.flatMap(([, score], i) =>
      score === null
        ? []
        : [{ id: `${id}c${i}`, journeyId: id, stageId: `${id}${i}`, laneId: `${id}-e`, order: 'a', title: '', score }],
    ),
    connections: [],
  }) as unknown as JourneyParts;

describe('the Compare summary', () => {
  it('is the verdict and a tab-separated table of the figures the screen shows, with no made-up values', () => {
    const parts = [
      journey('a', [
        ['Discover', 1],
        ['Trial', -2],
        ['Pay', 1],
      ]),
      journey('b', [
        ['Discover', 0],
        ['Pay', -1],
        ['Renew', null],
      ]),
    ];
    const scores = stageScores(parts, alignStages(parts));
    const text = compareSummary(['Ana', 'Ben'], scores, new Set(mostDivergent(scores)), {
      title: 'Compare personas: Ana and Ben',
      verdict: 'Ana and Ben differ most at “Pay”.',
      stage: 'Stage',
      gap: 'Gap',
      onlyIn: (name) => `only ${name}`,
      divergesMost: 'Diverge most',
    });
    expect(text.split('\n')).toEqual([
      'Compare personas: Ana and Ben',
      '',
      'Ana and Ben differ most at “Pay”.',
      '',
      'Stage\tAna\tBen\tGap',
      'Discover\t+1\t0\t1',
      'Trial (only Ana)\t-2\t–\t–',
      'Pay (Diverge most)\t+1\t-1\t2',
      'Renew (only Ben)\t–\t–\t–',
      '',
    ]);
    expect(formatScore(-0.26)).toBe('-0.3');
    expect(formatScore(null)).toBe('–');
  });
});
