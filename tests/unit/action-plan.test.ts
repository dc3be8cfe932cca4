import { describe, expect, it } from 'vitest';
import { undoStep } from '../../src/store/workspace-store';
import { PLAN_WORDS } from '../helpers/plan-words';
import { filterPlan, planChoices, planRows, rankPlan, sortPlan } from '../../src/domain/action-plan';
import { createFutureState, setJourneyState, stateDiff } from '../../src/domain/future-state';
import { mdTable, mdText } from '../../src/domain/markdown';
import { planTable, topPainPoints, type PlanTableWords } from '../../src/domain/report';
import { journeyOf } from '../helpers/journey-builder';
import { storeWith } from '../helpers/workspace';

const collator = new Intl.Collator('en');

function support() {
  const parts = journeyOf(
    'a',
    ['Call', 'Wait', 'Fix'],
    [
      { stage: 'Call', kind: 'painPoints', title: 'Menu maze', severity: 'medium' },
      { stage: 'Wait', kind: 'painPoints', title: 'On hold', severity: 'high' },
      { stage: 'Wait', kind: 'painPoints', title: 'Music', severity: 'low' },
      { stage: 'Call', kind: 'opportunities', title: 'Call back', impact: 3, effort: 2, votes: 1, owner: 'Mia' },
      { stage: 'Wait', kind: 'opportunities', title: 'Queue position', impact: 2, effort: 1, votes: 4 },
      { stage: 'Fix', kind: 'opportunities', title: 'Chat', impact: 3, effort: 2, votes: 5, status: 'done' },
      { stage: 'Fix', kind: 'opportunities', title: 'Unrated', votes: 9, owner: 'Ali', kpiCardId: 'a-c7' },
      { stage: 'Fix', kind: 'metrics', title: 'First response', metric: 'FRT', value: 30, target: 10, unit: 'min' },
    ],
    'Ana',
  );
  // "Call back" answers "On hold" by a connection, not the pain points of its own stage.
  parts.connections.push({ id: 'x1', journeyId: 'a', order: '0', from: 'a-c3', to: 'a-c1' });
  return parts;
}

describe('action plan', () => {
  it('lists opportunities with the pain points they answer (connections first, else their stage) and their KPI', () => {
    const rows = planRows([support()]);
    expect(rows.map((r) => r.title)).toEqual(['Call back', 'Queue position', 'Chat', 'Unrated']);
    const [callBack, queue, chat, unrated] = rows;
    expect(callBack!.answers.map((p) => p.title)).toEqual(['On hold']);
    expect(callBack!.answersBy).toBe('connection');
    expect(callBack!.worstSeverity).toBe(2);
    expect(queue!.answers.map((p) => p.title)).toEqual(['On hold', 'Music']);
    expect(queue!.answersBy).toBe('stage');
    expect(chat!.answers).toEqual([]);
    expect(chat!.answersBy).toBeNull();
    expect(unrated!.kpi).toEqual({
      cardId: 'a-c7',
      title: 'First response',
      metric: 'FRT',
      value: 30,
      target: 10,
      unit: 'min',
      status: 'notMet',
    });
    expect(unrated!.persona).toBe('Ana');
    expect(unrated!.stage).toBe('Fix');
  });

  it('ranks open work by impact for the effort, then votes, then the pain answered; done and unrated last', () => {
    // Call back 3-2=1 (1 vote), Queue 2-1=1 (4 votes), Chat done, Unrated no rating.
    expect(rankPlan(planRows([support()])).map((r) => r.title)).toEqual([
      'Queue position',
      'Call back',
      'Unrated',
      'Chat',
    ]);
    const tie = journeyOf(
      't',
      ['S'],
      [
        { stage: 'S', kind: 'painPoints', title: 'Bad', severity: 'high' },
        { stage: 'S', kind: 'opportunities', title: 'First', impact: 2, effort: 2 },
      ],
    );
    const other = journeyOf('u', ['S'], [{ stage: 'S', kind: 'opportunities', title: 'Second', impact: 2, effort: 2 }]);
    // Same priority and votes: the one answering a high pain point comes first, whatever the order given.
    expect(rankPlan(planRows([other, tie])).map((r) => r.title)).toEqual(['First', 'Second']);
  });

  it('sorts by a column with missing values last, and filters by owner, status and persona', () => {
    const rows = planRows([
      support(),
      journeyOf('b', ['Call'], [{ stage: 'Call', kind: 'opportunities', title: 'Bot', effort: 1 }]),
    ]);
    expect(sortPlan(rows, 'votes', collator).map((r) => r.votes)).toEqual([9, 5, 4, 1, 0]);
    expect(sortPlan(rows, 'effort', collator).map((r) => r.title)).toEqual([
      'Queue position',
      'Bot',
      'Call back',
      'Chat',
      'Unrated',
    ]);
    expect(sortPlan(rows, 'owner', collator).map((r) => r.owner)).toEqual([
      'Ali',
      'Mia',
      undefined,
      undefined,
      undefined,
    ]);
    expect(filterPlan(rows, { owner: 'Mia' }).map((r) => r.title)).toEqual(['Call back']);
    expect(filterPlan(rows, { owner: '' }).map((r) => r.title)).toEqual(['Queue position', 'Chat', 'Bot']);
    expect(filterPlan(rows, { status: 'done' }).map((r) => r.title)).toEqual(['Chat']);
    expect(filterPlan(rows, { status: 'none' })).toHaveLength(4);
    expect(filterPlan(rows, { persona: '' }).map((r) => r.title)).toEqual(['Bot']);
    expect(planChoices(rows, collator)).toEqual({ owners: ['Ali', 'Mia', ''], personas: ['Ana', ''] });
  });

  it('writes the plan as a table, the KPI with its figures and a missed target said in words', () => {
    // Status codes upper-cased, so the test sees they went through the words.
    const words = { ...PLAN_WORDS, statusName: (s: string) => s.toUpperCase() } as PlanTableWords;
    const table = planTable(rankPlan(planRows([support()])), words);
    expect(table.cells[0]).toEqual([
      1,
      'Queue position',
      'a journey',
      'Ana',
      'Wait',
      2,
      1,
      4,
      '',
      '',
      '',
      'On hold; Music',
    ]);
    expect(table.cells[2]![10]).toBe('First response: 30 min, target 10 min (target missed)');
    expect(table.cells[3]![9]).toBe('DONE');
  });

  it('lists pain points most severe first', () => {
    expect(topPainPoints([support()], 2)).toEqual([
      { title: 'On hold', who: 'Ana', stage: 'Wait', severity: 'high' },
      { title: 'Menu maze', who: 'Ana', stage: 'Call', severity: 'medium' },
    ]);
  });
});

describe('Markdown', () => {
  it('keeps a title the text it is: pipes, emphasis, links and line breaks escaped, the rest as typed', () => {
    expect(mdText('a | b *c* [x](y) <img>\nnext (C++ #1)')).toBe('a \\| b \\*c\\* \\[x\\](y) \\<img> next (C++ #1)');
    expect(mdTable(['A', 'B'], [['1', 2]])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('current and future state', () => {
  it('diffs a future state against its current one, stage by stage, with missing stages and scores', () => {
    const now = journeyOf(
      'n',
      ['Call', 'Wait', 'Fix'],
      [
        { stage: 'Call', kind: 'emotions', title: 'Meh', score: -1 },
        { stage: 'Wait', kind: 'emotions', title: 'Angry', score: -2 },
        { stage: 'Wait', kind: 'painPoints', title: 'On hold', severity: 'high' },
        { stage: 'Wait', kind: 'painPoints', title: 'Music' },
        { stage: 'Wait', kind: 'metrics', title: 'Wait time', metric: 'ART', value: 12, target: 8, unit: 'min' },
      ],
    );
    const then = journeyOf(
      'f',
      ['Call', 'Wait', 'Follow-up'],
      [
        { stage: 'Call', kind: 'emotions', title: 'OK', score: 1 },
        { stage: 'Wait', kind: 'painPoints', title: 'music ' },
        { stage: 'Wait', kind: 'painPoints', title: 'Callback slot unclear', severity: 'low' },
        { stage: 'Wait', kind: 'metrics', title: 'Wait time', metric: 'ART', value: 4, target: 5, unit: 'min' },
      ],
    );
    const diff = stateDiff(now, then);
    expect(diff.map((d) => [d.name, d.inCurrent, d.inFuture])).toEqual([
      ['Call', true, true],
      ['Wait', true, true],
      ['Follow-up', false, true],
      ['Fix', true, false],
    ]);
    expect(diff[0]).toMatchObject({ emotionNow: -1, emotionThen: 1, emotionChange: 2 });
    // The future state has no scores at Wait: no change is claimed.
    expect(diff[1]).toMatchObject({ emotionNow: -2, emotionThen: null, emotionChange: null, painsKept: 1 });
    expect(diff[1]!.painsRemoved).toEqual([{ title: 'On hold', severity: 'high' }]);
    expect(diff[1]!.painsAdded).toEqual([{ title: 'Callback slot unclear', severity: 'low' }]);
    // Today's 12 min against the future target of 5 (lower is better): not met yet.
    expect(diff[1]!.metrics).toEqual([
      {
        metric: 'ART',
        title: 'Wait time',
        unit: 'min',
        now: 12,
        nowTarget: 8,
        then: 4,
        thenTarget: 5,
        status: 'notMet',
      },
    ]);
    expect(diff[3]).toMatchObject({ emotionNow: null, painsRemoved: [], painsAdded: [], metrics: [] });
  });

  it('creates a future state as a linked copy, and sets a journey’s state with one undo step', () => {
    const store = storeWith(
      JSON.stringify({
        format: 'journey-canvas',
        version: 1,
        journeys: [
          {
            id: 'j',
            title: 'Support',
            stages: [{ id: 's', name: 'Call' }],
            lanes: [{ id: 'l', kind: 'painPoints' }],
            cards: [{ id: 'c', stageId: 's', laneId: 'l', title: 'On hold' }],
          },
        ],
      }),
    );
    store.dispatch(createFutureState('j', 'j2', 'Support (future)'));
    const ws = store.getDoc();
    expect(ws.journeys.j2).toMatchObject({ title: 'Support (future)', state: 'future', currentStateId: 'j' });
    expect(
      Object.values(ws.cards)
        .filter((c) => c.journeyId === 'j2')
        .map((c) => c.title),
    ).toEqual(['On hold']);
    expect(ws.journeys.j!.state).toBeUndefined();
    store.dispatch(setJourneyState('j', 'future'));
    expect(store.getDoc().journeys.j!.state).toBe('future');
    expect(store.dispatch(undoStep('j')) !== null).toBe(true);
    expect(store.getDoc().journeys.j!.state).toBeUndefined();
  });
});
