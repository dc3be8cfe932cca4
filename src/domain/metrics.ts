import type { CardRec, Metric } from './types';

/** Measures where a smaller number is the better one. */
export const LOWER_IS_BETTER: ReadonlySet<Metric> = new Set<Metric>(['churn', 'FRT', 'ART']);

export type MetricStatus = 'met' | 'notMet' | 'noTarget';

export function metricStatus(card: Pick<CardRec, 'metric' | 'value' | 'target'>): MetricStatus {
  if (card.value === undefined || card.target === undefined) return 'noTarget';
  const lower = card.metric !== undefined && LOWER_IS_BETTER.has(card.metric);
  return (lower ? card.value <= card.target : card.value >= card.target) ? 'met' : 'notMet';
}
