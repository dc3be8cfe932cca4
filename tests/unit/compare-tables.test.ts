import { describe, expect, it } from 'vitest';
import { alignStages, mostDivergent, stageScores } from '../../src/domain/compare';
import { compareTables } from '../../src/domain/compare-tables';
import type { ReportWords } from '../../src/domain/report';
import { journeyOf } from '../helpers/journey-builder';

/** Messages as their keys and options, so a test sees which message and figures each cell has. */
const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}${JSON.stringify(o)}` : key);
const words = new Proxy({} as ReportWords & { target: string }, {
  get: (_, key: string) =>
    ['severityName', 'statusName', 'metricName', 'inFuture'].includes(key) ? (s: string) => `${key}(${s})` : key,
});

function tables(withVotes: boolean) {
  const ana = journeyOf(
    'ana',
    ['Discover', 'Pay'],
    [
      { stage: 'Discover', kind: 'emotions', title: 'Curious', score: 1 },
      { stage: 'Pay', kind: 'emotions', title: 'Annoyed', score: -2 },
      { stage: 'Pay', kind: 'painPoints', title: 'Hidden fee', severity: 'high' },
      { stage: 'Pay', kind: 'metrics', title: 'Setup time', metric: 'custom', value: 12, target: 5, better: 'lower' },
      { stage: 'Pay', kind: 'touchpoints', title: 'Checkout', channel: 'web' },
      { stage: 'Pay', kind: 'opportunities', title: 'Show fees early', ...(withVotes ? { votes: 3 } : {}) },
    ],
    'Ana',
  );
  const ben = journeyOf(
    'ben',
    ['Discover', 'Call'],
    [{ stage: 'Call', kind: 'emotions', title: 'Fine', score: 0 }],
    'Ben',
  );
  const parts = [ana, ben];
  const alignment = alignStages(parts);
  const scores = stageScores(parts, alignment);
  return compareTables({
    parts,
    alignment,
    scores,
    divergent: new Set(mostDivergent(scores)),
    names: ['Ana', 'Ben'],
    t,
    list: (items) => items.join(', '),
    words,
    top: 5,
  });
}

describe('Compare’s panels as tables for the exports', () => {
  it('has the averages, every panel and the top lists, with the screen’s words and tones', () => {
    const all = tables(true);
    expect(all.map((x) => x.key)).toEqual([
      'averages',
      'pains',
      'metrics',
      'channels',
      'votes',
      'topPains',
      'topOpportunities',
    ]);
    const byKey = Object.fromEntries(all.map((x) => [x.key, x]));
    // Pay: Ana's high pain point; Ben has no Pay stage, said as such, never as "none".
    expect(byKey.pains!.rows).toEqual([
      [
        { text: 'Pay' },
        { text: 'panels.painCell{"count":1,"severity":"severity.high"}', tone: 'high' },
        { text: '—', tone: 'missing' },
      ],
    ]);
    expect(byKey.pains!.notes).toEqual(['panels.noPainsAt{"stages":"“Discover”, “Call”","count":2}']);
    // A custom metric where lower is better, 12 against 5: missed, in words and in tone.
    expect(byKey.metrics!.rows[0]![2]).toEqual({
      text: 'panels.valueOfTarget{"value":"12","target":"5"} panels.missed',
      tone: 'notMet',
    });
    expect(byKey.channels!.rows[0]![3]).toEqual({ text: '—', tone: 'missing' });
    expect(byKey.votes!.rows.map((r) => r[1]!.text)).toEqual([
      'panels.votesCell{"count":0}',
      '—',
      'panels.votesCell{"count":3}',
    ]);
    expect(byKey.topPains!.rows[0]!.map((c) => c.text)).toEqual(['Hidden fee', 'Ana', 'Pay', 'severityName(high)']);
    expect(byKey.topOpportunities!.rows[0]![0]!.text).toBe('Show fees early');
  });

  it('leaves the votes out where no vote was run, and says a panel is empty instead of an empty table', () => {
    const all = tables(false);
    expect(all.map((x) => x.key)).not.toContain('votes');
    const none = compareTables({
      parts: [],
      alignment: alignStages([]),
      scores: [],
      divergent: new Set(),
      names: [],
      t,
      list: (items) => items.join(', '),
      words,
      top: 5,
    });
    expect(none.find((x) => x.key === 'metrics')).toMatchObject({ rows: [], notes: ['panels.noMetrics'] });
  });
});

describe('Compare of a current state with its future state, for the exports', () => {
  it('has the table of what the future state changes, right after the averages', () => {
    const now = journeyOf(
      'now',
      ['Wait'],
      [
        { stage: 'Wait', kind: 'painPoints', title: 'On hold', severity: 'high' },
        { stage: 'Wait', kind: 'metrics', title: 'Hold time', metric: 'FRT', value: 12, target: 8, unit: 'min' },
      ],
    );
    const then = journeyOf(
      'then',
      ['Wait'],
      [{ stage: 'Wait', kind: 'metrics', title: 'Hold time', metric: 'FRT', value: 12, target: 5, unit: 'min' }],
    );
    then.journey.state = 'future';
    then.journey.currentStateId = 'now';
    const parts = [now, then];
    const alignment = alignStages(parts);
    const scores = stageScores(parts, alignment);
    const all = compareTables({
      parts,
      alignment,
      scores,
      divergent: new Set(),
      names: ['Now', 'Then'],
      t,
      list: (items) => items.join(', '),
      words,
      top: 5,
    });
    expect(all.map((x) => x.key).slice(0, 3)).toEqual(['averages', 'future', 'pains']);
    const [row] = all[1]!.rows;
    expect(row![2]).toEqual({ text: 'On hold · severity.high' });
    expect(row![4]).toEqual({
      text: 'future.reading{"title":"Hold time","now":"12 min","target":"5 min"} · future.missed',
      tone: 'notMet',
    });
  });
});
