import { measureText } from '../domain/measure-text';
import { metricStatus, type MetricStatus } from '../domain/metrics';
import type { CardRec, JourneyState, LaneKind } from '../domain/types';
import { CHANNEL_ICONS, SCORE_FACES } from '../canvas/visuals';
import { i18n } from '../i18n';

// Its own module: Compare lists cards with it, without loading the image exporters.
const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);

/** A metric's status in words; null where nothing is said (no direction: value and target only). */
export function metricStatusText(status: MetricStatus): string | null {
  if (status === 'noDirection') return null;
  return status === 'toReach' ? t('judgement.toReach') : t(`card.${status}`);
}

/** A card's kind fields in words, as the map shows them (`state`: its journey's). */
export function cardDetails(card: CardRec, kind: LaneKind, state?: JourneyState): string {
  const parts: string[] = [];
  if (kind === 'touchpoints' && card.channel)
    parts.push(`${CHANNEL_ICONS[card.channel]} ${t(`channel.${card.channel}`)}`);
  if (kind === 'emotions') parts.push(`${SCORE_FACES[String(card.score ?? 0)]} ${t(`score.${card.score ?? 0}`)}`);
  if (kind === 'painPoints' && card.severity) parts.push(t(`severity.${card.severity}`));
  if (kind === 'opportunities') {
    if (card.impact !== undefined) parts.push(t('card.impact', { value: card.impact }));
    if (card.effort !== undefined) parts.push(t('card.effort', { value: card.effort }));
    if (card.status) parts.push(t(`status.${card.status}`));
    if (card.votes !== undefined) parts.push(t('card.votes', { count: card.votes }));
    if (card.owner) parts.push(t('card.owner', { owner: card.owner }));
  }
  if (kind === 'metrics') {
    // "Custom" names no metric: the card's title does.
    if (card.metric && card.metric !== 'custom') parts.push(t(`metric.${card.metric}`));
    const measure = (n: number) => measureText(n, card.unit, i18n.language, (value) => t('slides.percent', { value }));
    if (card.value !== undefined)
      parts.push(`${measure(card.value)}${card.target !== undefined ? ` / ${measure(card.target)}` : ''}`);
    const status = metricStatusText(metricStatus(card, state));
    if (status !== null) parts.push(status);
  }
  if (card.evidence) parts.push(t(`evidence.${card.evidence}`));
  return parts.join(' · ');
}
