import { useTranslation } from 'react-i18next';
import type { CardChanges } from '../../domain/card-fields';
import {
  LIMITS,
  CHANNELS,
  METRICS,
  METRIC_BETTER,
  OPPORTUNITY_STATUSES,
  SEVERITIES,
  type CardRec,
  type LaneKind,
  type MetricBetter,
  SCORE_RANGE,
} from '../../domain/types';
import { BUILT_IN_BETTER } from '../../domain/metrics';
import { NumberField, SelectField } from './fields';
import { CardTextField } from './CardTextField';
import { useWorkspace } from '../../app/app-context';
import { useMemo } from 'react';

/** An opportunity's KPI: one of its journey's metric cards, whose value and target measure it. */
function KpiField({ card, change }: { card: CardRec; change: (c: CardChanges, field: string) => void }) {
  const { t } = useTranslation();
  const cards = useWorkspace((s) => s.doc.cards);
  const lanes = useWorkspace((s) => s.doc.lanes);
  const metrics = useMemo(
    () => Object.values(cards).filter((c) => c.journeyId === card.journeyId && lanes[c.laneId]?.kind === 'metrics'),
    [cards, lanes, card.journeyId],
  );
  const label = (m: CardRec) => {
    const name = m.title.trim() || t(`metric.${m.metric ?? 'custom'}`);
    return m.target === undefined
      ? name
      : t('details.kpiOption', { name, target: m.target, unit: m.unit ?? '' }).trim();
  };
  // A link to a metric card since deleted shows as none (the file leaves it out too).
  const linked = metrics.some((m) => m.id === card.kpiCardId) ? card.kpiCardId : undefined;
  return (
    <SelectField
      label={t('details.kpi')}
      value={linked}
      options={metrics.map((m) => ({ value: m.id, label: label(m) }))}
      emptyLabel={metrics.length ? t('details.noKpi') : t('details.noMetricCards')}
      onChange={(v) => change({ kpiCardId: v }, 'kpiCardId')}
    />
  );
}

/**
 * Which way a metric improves: a named measure says its own; a custom one asks, and until it is
 * told makes no claim of a target met or missed.
 */
function BetterField({ card, change }: { card: CardRec; change: (c: CardChanges, field: string) => void }) {
  const { t } = useTranslation();
  if (card.metric !== undefined && card.metric !== 'custom')
    return <p className="field__hint">{t(`judgement.known.${BUILT_IN_BETTER[card.metric]}`)}</p>;
  return (
    <SelectField
      label={t('judgement.better')}
      value={card.better}
      options={METRIC_BETTER.map((v) => ({ value: v, label: t(`judgement.${v}`) }))}
      emptyLabel={t('judgement.notSet')}
      onChange={(v) => change({ better: v as MetricBetter | undefined }, 'better')}
    />
  );
}

/** The fields that only cards of one lane kind have. */
export function CardKindFields({
  card,
  kind,
  change,
}: {
  card: CardRec;
  kind: LaneKind;
  change: (c: CardChanges, field: string) => void;
}) {
  const { t } = useTranslation();
  const none = t('details.notSet');
  const options = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const ratings = [1, 2, 3].map((n) => ({ value: String(n), label: t(`details.rating.${n}`) }));
  switch (kind) {
    case 'touchpoints':
      return (
        <SelectField
          label={t('details.channel')}
          value={card.channel}
          options={options(CHANNELS, 'channel')}
          emptyLabel={none}
          onChange={(v) => change({ channel: v as CardRec['channel'] }, 'channel')}
        />
      );
    case 'emotions':
      return (
        <NumberField
          label={t('details.score')}
          value={card.score}
          min={SCORE_RANGE.min}
          max={SCORE_RANGE.max}
          onChange={(v) => v !== undefined && change({ score: v }, 'score')}
        />
      );
    case 'painPoints':
      return (
        <SelectField
          label={t('details.severity')}
          value={card.severity}
          options={SEVERITIES.map((v) => ({ value: v, label: t(`details.severityLevel.${v}`) }))}
          emptyLabel={none}
          onChange={(v) => change({ severity: v as CardRec['severity'] }, 'severity')}
        />
      );
    case 'opportunities':
      return (
        <>
          <SelectField
            label={t('details.impact')}
            value={card.impact?.toString()}
            options={ratings}
            emptyLabel={none}
            onChange={(v) => change({ impact: v === undefined ? undefined : Number(v) }, 'impact')}
          />
          <SelectField
            label={t('details.effort')}
            value={card.effort?.toString()}
            options={ratings}
            emptyLabel={none}
            onChange={(v) => change({ effort: v === undefined ? undefined : Number(v) }, 'effort')}
          />
          <CardTextField
            card={card}
            field="owner"
            label={t('details.owner')}
            value={card.owner ?? ''}
            maxLength={LIMITS.ownerLength}
            write={(v) => change({ owner: v.trim() === '' ? undefined : v }, 'owner')}
          />
          <SelectField
            label={t('details.status')}
            value={card.status}
            options={options(OPPORTUNITY_STATUSES, 'status')}
            emptyLabel={none}
            onChange={(v) => change({ status: v as CardRec['status'] }, 'status')}
          />
          <NumberField
            label={t('details.votes')}
            value={card.votes}
            min={0}
            optional
            onChange={(v) => change({ votes: v }, 'votes')}
          />
          <KpiField card={card} change={change} />
        </>
      );
    case 'metrics':
      return (
        <>
          <SelectField
            label={t('details.metric')}
            value={card.metric}
            options={options(METRICS, 'metric')}
            onChange={(v) => v && change({ metric: v as CardRec['metric'] }, 'metric')}
          />
          <NumberField
            label={t('details.value')}
            value={card.value}
            step="any"
            optional
            onChange={(v) => change({ value: v }, 'value')}
          />
          <NumberField
            label={t('details.target')}
            value={card.target}
            step="any"
            optional
            onChange={(v) => change({ target: v }, 'target')}
          />
          <CardTextField
            card={card}
            field="unit"
            label={t('details.unit')}
            value={card.unit ?? ''}
            maxLength={LIMITS.unitLength}
            write={(v) => change({ unit: v.trim() === '' ? undefined : v }, 'unit')}
          />
          <BetterField card={card} change={change} />
        </>
      );
    // Kinds with no fields of their own, named so a new kind must be placed here or above.
    case 'actions':
    case 'goals':
    case 'thoughts':
    case 'backstage':
    case 'notes':
      return null;
  }
}
