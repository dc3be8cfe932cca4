import type { JourneyParts } from '../../domain/queries';
import { saysState, type PlanTableWords } from '../../domain/report';
import { i18n } from '../../i18n';

/** The words of the plan's table and of the Markdown reports, in the reader's language. */
export function reportWords(): PlanTableWords {
  const t = i18n.t;
  return {
    journeys: t('report.journeys'),
    topPains: t('report.topPains'),
    topOpportunities: t('report.topOpportunities'),
    none: t('report.none'),
    stage: t('plan.stage'),
    gap: t('compare.gap'),
    painPoint: t('report.painPoint'),
    who: t('report.who'),
    severity: t('report.severity'),
    opportunity: t('plan.opportunity'),
    owner: t('report.owner'),
    kpi: t('plan.kpi'),
    impact: t('plan.impact'),
    effort: t('plan.effort'),
    votes: t('plan.votes'),
    status: t('plan.status'),
    severityName: (s) => t(`severity.${s}`),
    statusName: (s) => t(`status.${s}`),
    metricName: (m) => t(`metric.${m}`),
    targetMissed: t('report.targetMissed'),
    inFuture: (kpi) => t('report.inFuture', { kpi }),
    target: t('report.target'),
    rank: t('plan.rank'),
    journey: t('plan.journey'),
    persona: t('plan.persona'),
    answers: t('plan.answers'),
  };
}

/** "Ana — Support call (Future state)" for each journey; the state said once, not again after a title that says it. */
export function journeyLines(journeys: readonly JourneyParts[]): string[] {
  return journeys.map((p) => {
    const state = i18n.t(`editor.state.${p.journey.state ?? 'current'}`);
    return i18n.t(saysState(p.journey.title, state) ? 'report.journeyLineTitled' : 'report.journeyLine', {
      persona: p.persona?.name ?? i18n.t('journeys.noPersona'),
      title: p.journey.title,
      state,
    });
  });
}
