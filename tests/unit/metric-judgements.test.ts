import { describe, expect, it } from 'vitest';
import { planRows } from '../../src/domain/action-plan';
import { updateCard } from '../../src/domain/card-commands';
import { metricRows } from '../../src/domain/compare-panels';
import { alignStages } from '../../src/domain/compare';
import { createFutureState, stateDiff } from '../../src/domain/future-state';
import { journeyToFile } from '../../src/domain/format/serialize';
import { metricBetter, metricStatus } from '../../src/domain/metrics';
import { journeyOf } from '../helpers/journey-builder';
import { storeWith } from '../helpers/workspace';

describe('a metric against its target', () => {
  it('judges a custom metric by the direction chosen for it, and makes no claim without one', () => {
    const plan = { metric: 'custom', value: 52, target: 20 } as const;
    // "Time to first plan · 52 min / 20 min" is not met when lower is better.
    expect(metricStatus({ ...plan, better: 'lower' })).toBe('notMet');
    expect(metricStatus({ ...plan, better: 'higher' })).toBe('met');
    expect(metricStatus(plan)).toBe('noDirection');
    expect(metricStatus({ metric: 'custom', better: 'lower', value: 4.2, target: 1 })).toBe('notMet');
    expect(metricStatus({ metric: 'custom', better: 'lower', value: 0.8, target: 1 })).toBe('met');
  });

  it('knows the direction of every named measure, whatever direction a card carries', () => {
    expect(metricBetter({ metric: 'NPS' })).toBe('higher');
    expect(metricBetter({ metric: 'churn' })).toBe('lower');
    expect(metricBetter({ metric: 'FRT', better: 'higher' })).toBe('lower');
    expect(metricBetter({ metric: 'ART' })).toBe('lower');
    expect(metricBetter({ metric: 'CLV' })).toBe('higher');
    expect(metricStatus({ metric: 'ART', value: 9, target: 6 })).toBe('notMet');
    expect(metricStatus({ metric: 'FCR', value: 80, target: 75 })).toBe('met');
  });

  it('reads a future state’s figures as targets to reach, never as a target missed', () => {
    expect(metricStatus({ metric: 'NPS', value: 12, target: 40 }, 'future')).toBe('toReach');
    expect(metricStatus({ metric: 'custom', better: 'lower', value: 52, target: 20 }, 'future')).toBe('toReach');
    expect(metricStatus({ metric: 'NPS', value: 12, target: 40 }, 'current')).toBe('notMet');
  });

  it('gives the plan, Compare and the state diff the same judgement', () => {
    const cards = (state?: 'future') => {
      const parts = journeyOf(
        'j',
        ['Plan'],
        [
          {
            stage: 'Plan',
            kind: 'metrics',
            title: 'Time to first plan',
            metric: 'custom',
            value: 52,
            target: 20,
            unit: 'min',
            better: 'lower',
          },
          {
            stage: 'Plan',
            kind: 'metrics',
            title: 'Silent failures',
            metric: 'custom',
            value: 4.2,
            target: 1,
            unit: '%',
          },
          { stage: 'Plan', kind: 'opportunities', title: 'Templates', kpiCardId: 'j-c0' },
          { stage: 'Plan', kind: 'opportunities', title: 'Alerts', kpiCardId: 'j-c1' },
        ],
      );
      if (state) parts.journey.state = state;
      return parts;
    };
    const now = cards();
    expect(planRows([now]).map((r) => r.kpi?.status)).toEqual(['notMet', 'noDirection']);
    const rows = metricRows([now], alignStages([now]));
    expect(rows.map((r) => r.cells[0]![0]!.status)).toEqual(['notMet', 'noDirection']);

    const future = cards('future');
    future.journey.id = 'f';
    expect(planRows([future]).map((r) => r.kpi?.status)).toEqual(['toReach', 'toReach']);
    expect(metricRows([now, future], alignStages([now, future])).map((r) => r.cells[1]![0]!.status)).toEqual([
      'toReach',
      'toReach',
    ]);
    // Today's 52 min against the future's target of 20, lower being better: still to close.
    expect(stateDiff(now, future)[0]!.metrics.map((m) => m.status)).toEqual(['notMet', 'noDirection']);
  });
});

describe('a custom metric’s direction', () => {
  const file = JSON.stringify({
    format: 'journey-canvas',
    version: 1,
    journeys: [
      {
        id: 'j',
        title: 'Onboarding',
        stages: [{ id: 's', name: 'Plan' }],
        lanes: [
          { id: 'm', kind: 'metrics' },
          { id: 'n', kind: 'notes' },
        ],
        cards: [
          {
            id: 'c',
            stageId: 's',
            laneId: 'm',
            title: 'Time to first plan',
            metric: 'custom',
            value: 52,
            target: 20,
            better: 'lower',
          },
          { id: 'd', stageId: 's', laneId: 'n', title: 'A note' },
        ],
      },
    ],
  });

  it('is set by a command on a metric card only, kept by a future state, and never written to the file', () => {
    const store = storeWith(file);
    // The format has no direction: a file's "better" is an unknown field, ignored on import.
    expect(store.getDoc().cards.c!.better).toBeUndefined();
    store.dispatch(updateCard('c', { better: 'lower' }));
    expect(store.getDoc().cards.c!.better).toBe('lower');
    expect(() => store.dispatch(updateCard('d', { better: 'lower' }))).toThrow();
    expect(JSON.stringify(journeyToFile(store.getDoc(), 'j'))).not.toContain('better');
    store.dispatch(createFutureState('j', 'f', 'Onboarding (future)'));
    const copy = Object.values(store.getDoc().cards).find(
      (c) => c.journeyId === 'f' && c.title === 'Time to first plan',
    );
    expect(copy!.better).toBe('lower');
  });
});
