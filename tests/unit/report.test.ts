import { describe, expect, it } from 'vitest';
import { alignStages, mostDivergent, stageScores } from '../../src/domain/compare';
import { formatScore } from '../../src/domain/compare-summary';
import { compareReport, type ReportInput } from '../../src/domain/report';
import { journeyOf } from '../helpers/journey-builder';
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

const words = {
  journeys: 'Journeys',
  topPains: 'Top pain points',
  topOpportunities: 'Top opportunities',
  none: 'None recorded.',
  stage: 'Stage',
  gap: 'Gap',
  painPoint: 'Pain point',
  who: 'Persona',
  severity: 'Severity',
  opportunity: 'Opportunity',
  owner: 'Owner',
  kpi: 'KPI',
  impact: 'Impact',
  effort: 'Effort',
  votes: 'Votes',
  status: 'Status',
  severityName: (s: string) => `${s} severity`,
  statusName: (s: string) => s,
  metricName: (m: string) => m,
  targetMissed: 'target missed',
  target: 'target',
} as unknown as ReportInput['words'];

describe('the Compare summary', () => {
  it('is Markdown: the journeys, the verdict, the figures the screen shows, then pains and opportunities', () => {
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
    const pains = journeyOf(
      'c',
      ['Pay'],
      [
        { stage: 'Pay', kind: 'painPoints', title: 'Fee | hidden', severity: 'high' },
        {
          stage: 'Pay',
          kind: 'opportunities',
          title: 'Show fee',
          impact: 3,
          effort: 1,
          owner: 'Mia',
          kpiCardId: 'c-c2',
        },
        { stage: 'Pay', kind: 'metrics', title: 'CSAT', metric: 'CSAT', value: 60, target: 80, unit: '%' },
      ],
      'Cai',
    );
    const scores = stageScores(parts, alignStages(parts));
    const text = compareReport(
      {
        title: 'Compare personas: Ana and Ben',
        journeyLines: ['Ana — a (Current state)', 'Ben — b (Future state)'],
        words,
        top: 5,
        verdict: 'Ana and Ben differ most at “Pay”.',
        names: ['Ana', 'Ben'],
        scores,
        divergent: new Set(mostDivergent(scores)),
        onlyIn: (name) => `only ${name}`,
        divergesMost: 'Diverge most',
      },
      [...parts, pains],
    );
    expect(text.split('\n')).toEqual([
      '# Compare personas: Ana and Ben',
      '',
      '## Journeys',
      '',
      '- Ana — a (Current state)',
      '- Ben — b (Future state)',
      '',
      'Ana and Ben differ most at “Pay”.',
      '- Pay: gap 2 (Ana +1, Ben -1)',
      '',
      '| Stage | Ana | Ben | Gap |',
      '| --- | --- | --- | --- |',
      '| Discover | +1 | 0 | 1 |',
      '| Trial (only Ana) | -2 | – | – |',
      '| Pay (Diverge most) | +1 | -1 | 2 |',
      '| Renew (only Ben) | – | – | – |',
      '',
      '## Top pain points',
      '',
      '| Pain point | Persona | Stage | Severity |',
      '| --- | --- | --- | --- |',
      '| Fee \\| hidden | Cai | Pay | high severity |',
      '',
      '## Top opportunities',
      '',
      '| Opportunity | Persona | Owner | KPI | Impact | Effort | Votes | Status |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Show fee | Cai | Mia | CSAT: 60 %, target 80 % (target missed) | 3 | 1 | 0 | – |',
      '',
    ]);
    expect(formatScore(-0.26)).toBe('-0.3');
    expect(formatScore(null)).toBe('–');
  });

  it('says when there is nothing to list', () => {
    const parts = [journey('a', [['Discover', 1]]), journey('b', [['Discover', 1]])];
    const scores = stageScores(parts, alignStages(parts));
    const text = compareReport(
      {
        title: 'T',
        journeyLines: [],
        words,
        top: 5,
        verdict: 'v',
        names: ['A', 'B'],
        scores,
        divergent: new Set(),
        onlyIn: (name) => name,
        divergesMost: 'x',
      },
      parts,
    );
    expect(text).toContain('## Top pain points\n\nNone recorded.\n\n## Top opportunities\n\nNone recorded.\n');
  });
});
