import type { CardRec, JourneyState, Metric, MetricBetter } from './types';

/**
 * The named measures' directions. CES is read as the CES 2.0 agreement scale ("the company made it
 * easy for me"), where a higher score is better.
 */
export const BUILT_IN_BETTER: Record<Exclude<Metric, 'custom'>, MetricBetter> = {
  NPS: 'higher',
  CSAT: 'higher',
  CES: 'higher',
  churn: 'lower',
  FCR: 'higher',
  FRT: 'lower',
  ART: 'lower',
  CLV: 'higher',
};

/** A metric's direction: a named measure knows its own; a custom one has the one chosen for it, if any. */
export function metricBetter(card: Pick<CardRec, 'metric' | 'better'>): MetricBetter | null {
  if (card.metric !== undefined && card.metric !== 'custom') return BUILT_IN_BETTER[card.metric];
  return card.better ?? null;
}

/**
 * What may be said of a metric against its target. Only `met` and `notMet` are claims; the others
 * say why none is made: a figure is missing, nobody said which way the measure improves, or the
 * card is on a future-state map, whose figures are targets to reach rather than readings.
 */
export type MetricStatus = 'met' | 'notMet' | 'noTarget' | 'noDirection' | 'toReach';

export function metricStatus(
  card: Pick<CardRec, 'metric' | 'better' | 'value' | 'target'>,
  state?: JourneyState,
): MetricStatus {
  if (state === 'future' && card.target !== undefined) return 'toReach';
  if (card.value === undefined || card.target === undefined) return 'noTarget';
  const better = metricBetter(card);
  if (better === null) return 'noDirection';
  return (better === 'lower' ? card.value <= card.target : card.value >= card.target) ? 'met' : 'notMet';
}
