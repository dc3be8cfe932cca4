import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useWorkspace } from '../../app/app-context';
import { journeyHref } from '../../app/router';
import { useLoadedJourneys } from '../../app/use-loaded-journeys';
import {
  filterPlan,
  PLAN_SORTS,
  planChoices,
  planRows,
  rankPlan,
  sortPlan,
  type PlanFilter,
  type PlanSort,
} from '../../domain/action-plan';
import { safeFileName } from '../../domain/filename';
import { manyJourneyParts, type JourneyParts } from '../../domain/queries';
import { planReport } from '../../domain/report';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from '../../domain/types';
import { copyText } from '../../ui/copy-text';
import { downloadBlob } from '../../ui/download';
import { PlanMatrix } from './PlanMatrix';
import { PlanTable } from './PlanTable';
import { planCsv, planMarkdown, planTsv } from './plan-exports';
import { journeyLines, reportWords } from './report-words';

/** Opportunities in a summary report. */
const REPORT_TOP = 5;

/**
 * The action plan of one journey (or of every journey): its opportunities ranked, placed on an
 * impact/effort matrix, each with an owner, a status and a KPI, ready to export or paste.
 */
export default function PlanScreen({ journeyId }: { journeyId: string | null }) {
  const app = useApp();
  const { t, i18n } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  const ids = useMemo(
    () => (journeyId ? (doc.journeys[journeyId] ? [journeyId] : []) : Object.keys(doc.journeys).sort()),
    // Only the set of journeys matters here, not their contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [journeyId, Object.keys(doc.journeys).join(',')],
  );
  const { state, retry } = useLoadedJourneys(ids);
  const parts = useMemo<JourneyParts[]>(
    () =>
      state === 'ready'
        ? manyJourneyParts(doc, ids).sort(
            (a, b) => a.journey.title.localeCompare(b.journey.title) || a.journey.id.localeCompare(b.journey.id),
          )
        : [],
    [ids, doc, state],
  );
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const rows = useMemo(() => planRows(parts), [parts]);
  const choices = useMemo(() => planChoices(rows, collator), [rows, collator]);
  const [filter, setFilter] = useState<PlanFilter>({});
  const [sort, setSort] = useState<PlanSort>('rank');
  const ranked = useMemo(() => rankPlan(filterPlan(rows, filter)), [rows, filter]);
  const shown = useMemo(() => (sort === 'rank' ? ranked : sortPlan(ranked, sort, collator)), [ranked, sort, collator]);
  const ranks = useMemo(() => new Map(ranked.map((r, i) => [r.cardId, i + 1])), [ranked]);
  const single = journeyId ? doc.journeys[journeyId] : undefined;
  const title = single ? t('plan.titleOf', { title: single.title }) : t('plan.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  const ownerId = useId();
  const statusId = useId();
  const personaId = useId();
  const sortId = useId();

  if (journeyId && !single)
    return (
      <div className="screen">
        <h1>{t('plan.title')}</h1>
        <p>{t('plan.missing')}</p>
      </div>
    );

  const fileName = (ext: string) =>
    safeFileName(t('plan.fileName', { title: single?.title ?? t('plan.allJourneys') }), ext);
  const copied = { copied: t('plan.copied'), failed: t('plan.copyFailed') };
  const download = (text: string, type: string, ext: string) => {
    try {
      downloadBlob(new Blob([text], { type }), fileName(ext));
    } catch {
      app.toasts.show(t('plan.exportFailed'), { tone: 'error' });
    }
  };
  const summary = () => {
    // A persona filter narrows the report's journeys (and their pain points) too.
    const about =
      filter.persona === undefined ? parts : parts.filter((p) => (p.persona?.name ?? '') === filter.persona);
    return planReport(
      {
        title: single ? t('report.planTitle', { title: single.title }) : t('plan.title'),
        journeyLines: journeyLines(about),
        words: reportWords(),
        top: REPORT_TOP,
      },
      about,
      ranked,
    );
  };
  const set = <K extends keyof PlanFilter>(key: K, value: string) =>
    setFilter((f) => ({ ...f, [key]: value === '*' ? undefined : (value as PlanFilter[K]) }));

  return (
    <div className="screen screen--wide plan">
      <div className="screen__head">
        <div>
          <h1 dir="auto">{title}</h1>
          {single ? (
            <a href={journeyHref(single.id)}>{t('plan.openJourney', { title: single.title })}</a>
          ) : (
            <p className="plan__scope">{t('plan.allJourneys')}</p>
          )}
        </div>
        {state === 'ready' && rows.length > 0 && (
          <div className="screen__actions screen__actions--wrap">
            <button type="button" className="button" onClick={() => download(planCsv(ranked), 'text/csv', '.csv')}>
              {t('plan.exportCsv')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => download(planMarkdown(title, ranked), 'text/markdown', '.md')}
            >
              {t('plan.exportMarkdown')}
            </button>
            <button type="button" className="button" onClick={() => void copyText(planTsv(ranked), app.toasts, copied)}>
              {t('plan.copyTable')}
            </button>
            <button type="button" className="button" onClick={() => void copyText(summary(), app.toasts, copied)}>
              {t('plan.copySummary')}
            </button>
          </div>
        )}
      </div>
      {state === 'failed' ? (
        <p role="alert">
          {t('plan.loadFailed')}{' '}
          <button type="button" className="button" onClick={retry}>
            {t('editor.openRetry')}
          </button>
        </p>
      ) : state === 'loading' ? (
        <p role="status">{t('plan.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{t('plan.empty')}</p>
      ) : (
        <>
          <fieldset className="filter plan__filters">
            <legend className="visually-hidden">{t('plan.filters')}</legend>
            <label htmlFor={ownerId}>{t('plan.owner')}</label>
            <select
              id={ownerId}
              className="input"
              value={filter.owner ?? '*'}
              onChange={(e) => set('owner', e.target.value)}
            >
              <option value="*">{t('plan.all')}</option>
              {choices.owners.map((o) => (
                <option key={o} value={o}>
                  {o || t('plan.noOwner')}
                </option>
              ))}
            </select>
            <label htmlFor={statusId}>{t('plan.status')}</label>
            <select
              id={statusId}
              className="input"
              value={filter.status ?? '*'}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="*">{t('plan.all')}</option>
              {OPPORTUNITY_STATUSES.map((s: OpportunityStatus) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
              <option value="none">{t('plan.noStatus')}</option>
            </select>
            <label htmlFor={personaId}>{t('plan.persona')}</label>
            <select
              id={personaId}
              className="input"
              value={filter.persona ?? '*'}
              onChange={(e) => set('persona', e.target.value)}
            >
              <option value="*">{t('plan.all')}</option>
              {choices.personas.map((p) => (
                <option key={p} value={p}>
                  {p || t('plan.noPersona')}
                </option>
              ))}
            </select>
            <label htmlFor={sortId}>{t('plan.sort')}</label>
            <select id={sortId} className="input" value={sort} onChange={(e) => setSort(e.target.value as PlanSort)}>
              {PLAN_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`plan.sortBy.${s}`)}
                </option>
              ))}
            </select>
            <span className="filter__count" role="status">
              {t('plan.count', { count: shown.length })}
            </span>
          </fieldset>
          {shown.length === 0 ? (
            <p className="empty">{t('plan.noMatch')}</p>
          ) : (
            <>
              <PlanMatrix rows={ranked} ranks={ranks} />
              <PlanTable rows={shown} ranks={ranks} parts={parts} across={!single} />
            </>
          )}
        </>
      )}
    </div>
  );
}
