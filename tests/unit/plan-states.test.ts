import { describe, expect, it } from 'vitest';
import { planRows, rankPlan, updatePlanRow } from '../../src/domain/action-plan';
import { createFutureState } from '../../src/domain/future-state';
import { manyJourneyParts } from '../../src/domain/queries';
import { planReport, planTable, saysState } from '../../src/domain/report';
import { tsvTable } from '../../src/domain/tsv';
import { PLAN_WORDS } from '../helpers/plan-words';
import { storeWith } from '../helpers/workspace';

const words = PLAN_WORDS;

/** Priya's move with two opportunities, one measured by a custom KPI; then its future state. */
function withFutureState() {
  const store = storeWith(
    JSON.stringify({
      format: 'journey-canvas',
      version: 1,
      personas: [{ id: 'p', name: 'Priya' }],
      journeys: [
        {
          id: 'j',
          title: 'Moving broadband',
          personaId: 'p',
          stages: [
            { id: 's1', name: 'Order' },
            { id: 's2', name: 'Install' },
          ],
          lanes: [
            { id: 'o', kind: 'opportunities' },
            { id: 'm', kind: 'metrics' },
          ],
          cards: [
            {
              id: 'c1',
              stageId: 's1',
              laneId: 'o',
              title: 'Address check',
              impact: 3,
              effort: 1,
              owner: 'Mia',
              kpiCardId: 'k',
            },
            { id: 'c2', stageId: 's2', laneId: 'o', title: 'Engineer ETA', impact: 2, effort: 2 },
            {
              id: 'k',
              stageId: 's1',
              laneId: 'm',
              title: 'Order errors',
              metric: 'custom',
              value: 9,
              target: 2,
              unit: '%',
            },
          ],
        },
      ],
    }),
  );
  store.dispatch(createFutureState('j', 'f', 'Moving broadband (future state)'));
  return store;
}

describe('the plan of a journey and its future state', () => {
  it('lists each opportunity once, with its future state’s copy beside it', () => {
    const store = withFutureState();
    const rows = rankPlan(planRows(manyJourneyParts(store.getDoc(), ['j', 'f'])));
    expect(rows.map((r) => r.title)).toEqual(['Address check', 'Engineer ETA']);
    expect(rows.map((r) => r.journeyId)).toEqual(['j', 'j']);
    expect(rows[0]!.future).toMatchObject({ journeyId: 'f', journeyTitle: 'Moving broadband (future state)' });
    // The copy's KPI is its own journey's metric card, read as a target to reach.
    expect(rows[0]!.future!.kpi).toMatchObject({ title: 'Order errors', target: 2, status: 'toReach' });

    const table = planTable(rows, words);
    expect(table.cells).toHaveLength(2);
    expect(table.cells[0]![2]).toBe('Moving broadband → Moving broadband (future state)');
    expect(table.cells[0]![10]).toBe('Order errors: 9 %, target 2 %; future state: Order errors: 9 %, target 2 %');
    const report = planReport({ title: 'Plan', journeyLines: [], words, top: 5 }, [], rows);
    expect(report.match(/Address check/g)).toHaveLength(1);
  });

  it('keeps an opportunity the future state added, or renamed, as a row of its own', () => {
    const store = withFutureState();
    const copy = Object.values(store.getDoc().cards).find((c) => c.journeyId === 'f' && c.title === 'Engineer ETA')!;
    store.dispatch(updatePlanRow({ cardId: copy.id }, { title: 'Live engineer tracking' }));
    const rows = planRows(manyJourneyParts(store.getDoc(), ['j', 'f']));
    expect(rows.map((r) => [r.title, r.journeyId, r.future?.journeyId])).toEqual([
      ['Address check', 'j', 'f'],
      ['Engineer ETA', 'j', undefined],
      ['Live engineer tracking', 'f', undefined],
    ]);
  });

  it('edits a row once: its owner, status and ratings change on both cards in one step', () => {
    const store = withFutureState();
    const [row] = planRows(manyJourneyParts(store.getDoc(), ['j', 'f']));
    store.dispatch(updatePlanRow(row!, { owner: 'Jonas', status: 'doing', impact: 2 }));
    const cards = Object.values(store.getDoc().cards).filter((c) => c.title === 'Address check');
    expect(cards).toHaveLength(2);
    for (const c of cards) expect(c).toMatchObject({ owner: 'Jonas', status: 'doing', impact: 2 });
    const [again] = planRows(manyJourneyParts(store.getDoc(), ['j', 'f']));
    expect(again).toMatchObject({ owner: 'Jonas', status: 'doing', impact: 2 });
  });
});

describe('the plan on the clipboard', () => {
  it('is tab-separated, one row a line, a value never split by its own tabs or line breaks', () => {
    const text = tsvTable(
      ['#', 'Opportunity', 'Owner'],
      [
        [1, 'Call\tback\nsoon', '=HYPERLINK("x")'],
        [2, 'Chat', ''],
      ],
      (s) => (s.startsWith('=') ? `'${s}` : s),
    );
    expect(text).toBe('#\tOpportunity\tOwner\r\n1\tCall back soon\t\'=HYPERLINK("x")\r\n2\tChat\t\r\n');
    expect(
      text
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split('\t').length),
    ).toEqual([3, 3, 3]);
  });

  it('names a journey’s state once when its title already says it', () => {
    expect(saysState('Moving broadband (future state)', 'Future state')).toBe(true);
    expect(saysState('搬家宽带（未来状态）', '未来状态')).toBe(true);
    expect(saysState('Moving broadband', 'Current state')).toBe(false);
  });
});
