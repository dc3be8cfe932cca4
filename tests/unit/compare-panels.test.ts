import { describe, expect, it } from 'vitest';
import { alignStages } from '../../src/domain/compare';
import {
  channelRows,
  emptyStages,
  metricRows,
  missesTarget,
  painHeatmap,
  stagesIn,
  votesPerStage,
} from '../../src/domain/compare-panels';
import { journeyOf } from '../helpers/journey-builder';

// Ana has Discover, Pay, Use; Ben has Discover, Call, Pay (no Use); Cy has Discover and Pay only.
const ana = journeyOf(
  'ana',
  ['Discover', 'Pay', 'Use'],
  [
    { stage: 'Pay', kind: 'painPoints', title: 'Card declined', severity: 'medium' },
    { stage: 'Pay', kind: 'painPoints', title: 'Hidden fee', severity: 'high' },
    { stage: 'Pay', kind: 'painPoints', title: 'Slow page' },
    { stage: 'Discover', kind: 'touchpoints', title: 'Store page', channel: 'web' },
    { stage: 'Pay', kind: 'touchpoints', title: 'App checkout', channel: 'mobileApp' },
    { stage: 'Pay', kind: 'metrics', title: 'CSAT after paying', metric: 'CSAT', value: 62, target: 80, unit: '%' },
    { stage: 'Use', kind: 'metrics', title: 'Setup time', metric: 'custom', value: 12, unit: 'min' },
    { stage: 'Pay', kind: 'opportunities', title: 'Show fees early', votes: 4 },
    { stage: 'Pay', kind: 'opportunities', title: 'Save the card', votes: 0 },
  ],
);
const ben = journeyOf(
  'ben',
  ['Discover', 'Call', 'Pay'],
  [
    { stage: 'Pay', kind: 'painPoints', title: 'Waits on hold', severity: 'low' },
    { stage: 'Call', kind: 'touchpoints', title: 'Calls sales', channel: 'phone' },
    { stage: 'Pay', kind: 'touchpoints', title: 'Pays on the phone', channel: 'phone' },
    { stage: 'Pay', kind: 'touchpoints', title: 'Receipt' },
    { stage: 'Pay', kind: 'metrics', title: 'CSAT', metric: 'CSAT', value: 85, target: 80 },
    { stage: 'Pay', kind: 'metrics', title: 'Hold time', metric: 'FRT', value: 9, target: 5, unit: 'min' },
    { stage: 'Pay', kind: 'opportunities', title: 'Call back' },
  ],
);
const cy = journeyOf(
  'cy',
  ['Discover', 'Pay'],
  [
    { stage: 'Pay', kind: 'metrics', title: 'CSAT', metric: 'CSAT' },
    { stage: 'Discover', kind: 'metrics', title: 'setup TIME ', metric: 'custom', value: 3 },
  ],
);
const journeys = [ana, ben, cy];
const alignment = alignStages(journeys);
const at = (name: string) => alignment.stages.findIndex((s) => s.name === name);

describe('Compare panels', () => {
  it('line the stages up as the curves do', () => {
    expect(alignment.stages.map((s) => s.name)).toEqual(['Discover', 'Call', 'Pay', 'Use']);
  });

  it('count pain points per stage and journey with the highest severity, apart from stages a journey lacks', () => {
    const heat = painHeatmap(journeys, alignment);
    expect(heat[at('Pay')]!.map((c) => c && { count: c.count, highest: c.highest })).toEqual([
      { count: 3, highest: 'high' },
      { count: 1, highest: 'low' },
      { count: 0, highest: null },
    ]);
    expect(heat[at('Pay')]![0]!.cardIds).toEqual(['ana-c0', 'ana-c1', 'ana-c2']);
    // Ana has no Call stage; Ben and Cy have no Use stage.
    expect(heat[at('Call')]![0]).toBeNull();
    expect(heat[at('Use')]!.slice(1)).toEqual([null, null]);
    // Pain points are found only at Pay: the other stages are said to have none, once.
    const withPain = stagesIn(heat, (c) => c.count > 0);
    expect(emptyStages(alignment.stages.length, withPain)).toEqual([at('Discover'), at('Call'), at('Use')]);
  });

  it('put each measure side by side, marking a missed target only where value and target exist', () => {
    const rows = metricRows(journeys, alignment);
    expect(rows.map((r) => [alignment.stages[r.stage]!.name, r.metric, r.name])).toEqual([
      ['Discover', 'custom', 'setup TIME'],
      ['Pay', 'CSAT', undefined],
      ['Pay', 'FRT', undefined],
      ['Use', 'custom', 'Setup time'],
    ]);
    const csat = rows.find((r) => r.metric === 'CSAT')!;
    expect(csat.cells.map((c) => c!.map((r) => [r.value, r.target, r.status]))).toEqual([
      [[62, 80, 'notMet']],
      [[85, 80, 'met']],
      [[undefined, undefined, 'noTarget']],
    ]);
    expect(missesTarget(csat)).toBe(true);
    // Hold time: lower is better, 9 minutes against 5 misses; Ana and Cy do not measure it.
    const frt = rows.find((r) => r.metric === 'FRT')!;
    expect(frt.cells.map((c) => c?.length)).toEqual([0, 1, 0]);
    expect(frt.cells[1]![0]!.status).toBe('notMet');
    // A value without a target claims nothing.
    expect(missesTarget(rows.find((r) => r.name === 'Setup time')!)).toBe(false);
  });

  it('list the channels each journey uses per stage, unrecorded channels last', () => {
    const rows = channelRows(journeys, alignment);
    expect(
      rows.map((r) => [alignment.stages[r.stage]!.name, r.channel, r.cells.map((c) => c?.length ?? null)]),
    ).toEqual([
      ['Discover', 'web', [1, 0, 0]],
      ['Call', 'phone', [null, 1, null]],
      ['Pay', 'mobileApp', [1, 0, 0]],
      ['Pay', 'phone', [0, 1, 0]],
      ['Pay', null, [0, 1, 0]],
    ]);
  });

  it('sum votes per stage only for journeys where a vote was run', () => {
    const votes = votesPerStage(journeys, alignment);
    // Ana's vote wrote counts (0 included); Ben's opportunity was never voted on; Cy has none.
    expect(votes.ran).toEqual([true, false, false]);
    expect(votes.cells[at('Pay')]).toEqual([{ votes: 4, cardIds: ['ana-c7'] }, null, null]);
    expect(votes.cells[at('Discover')]![0]).toEqual({ votes: 0, cardIds: [] });
    expect(votes.cells[at('Call')]![0]).toBeNull();
  });
});
