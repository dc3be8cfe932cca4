import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { journeyHref } from '../../app/router';
import { updatePlanRow, type PlanRow } from '../../domain/action-plan';
import { formatKpi } from '../../domain/report';
import { reportWords } from './report-words';
import { updateCard } from '../../domain/card-commands';
import type { CardChanges } from '../../domain/card-fields';
import type { JourneyParts } from '../../domain/queries';
import { LIMITS, OPPORTUNITY_STATUSES, type CardRec, type Id, type OpportunityStatus } from '../../domain/types';
import { run } from '../editor/editor-actions';

/** Rows drawn at first; a plan of thousands shows the rest on request. */
const FIRST_ROWS = 25;

type MetricCards = ReadonlyMap<Id, CardRec[]>;

/** The plan as a table, each opportunity's ratings, owner, status and KPI editable in place. */
export function PlanTable({
  rows,
  ranks,
  parts,
  across,
}: {
  rows: readonly PlanRow[];
  ranks: ReadonlyMap<Id, number>;
  parts: readonly JourneyParts[];
  across: boolean;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const metricCards = useMemo(() => {
    const map = new Map<Id, CardRec[]>();
    for (const p of parts) {
      const lanes = new Set(p.lanes.filter((l) => l.kind === 'metrics').map((l) => l.id));
      map.set(
        p.journey.id,
        p.cards.filter((c) => lanes.has(c.laneId)),
      );
    }
    return map;
  }, [parts]);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="plan-table__scroll">
      <p className="field__hint">{t('plan.rankHint')}</p>
      <table className="plan-table">
        <caption>{t('plan.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.rank')}</th>
            <th scope="col">{t('plan.opportunity')}</th>
            {across && <th scope="col">{t('plan.journey')}</th>}
            <th scope="col">{t('plan.stage')}</th>
            <th scope="col">{t('plan.impact')}</th>
            <th scope="col">{t('plan.effort')}</th>
            <th scope="col">{t('plan.votes')}</th>
            <th scope="col">{t('plan.owner')}</th>
            <th scope="col">{t('plan.status')}</th>
            <th scope="col">{t('plan.kpi')}</th>
            <th scope="col">{t('plan.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <Row key={r.cardId} row={r} rank={ranks.get(r.cardId) ?? 0} across={across} metricCards={metricCards} />
          ))}
        </tbody>
      </table>
      {!all && rows.length > FIRST_ROWS && (
        <button type="button" className="button" onClick={() => setAll(true)}>
          {t('plan.showAll', { count: rows.length })}
        </button>
      )}
    </div>
  );
}

const Row = memo(function Row({
  row,
  rank,
  across,
  metricCards,
}: {
  row: PlanRow;
  rank: number;
  across: boolean;
  metricCards: MetricCards;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const name = row.title.trim() || t('plan.untitled');
  const change = (cardId: Id, changes: CardChanges) => run(app, updateCard(cardId, changes));
  // The opportunity's own fields are the same on its future state's copy: one edit sets both.
  const changeRow = (changes: CardChanges) => run(app, updatePlanRow(row, changes));
  const rating = (field: 'impact' | 'effort', label: string) => (
    <select
      className="input input--inline"
      aria-label={t(label, { title: name })}
      value={row[field] ?? ''}
      onChange={(e) => changeRow({ [field]: e.target.value ? Number(e.target.value) : undefined })}
    >
      <option value="">{t('plan.notSet')}</option>
      {[1, 2, 3].map((n) => (
        <option key={n} value={n}>
          {n} · {t(`plan.level.${n}`)}
        </option>
      ))}
    </select>
  );
  const metrics = metricCards.get(row.journeyId) ?? [];
  const words = reportWords();
  return (
    <tr className={row.status === 'done' ? 'plan-table__done' : undefined}>
      <td>{rank}</td>
      <th scope="row">
        <a href={journeyHref(row.journeyId)} dir="auto">
          {name}
        </a>
      </th>
      {across && (
        <td>
          <bdi>{row.journeyTitle}</bdi>
          {row.future && (
            <span className="plan-table__persona">
              → <bdi>{row.future.journeyTitle}</bdi>
            </span>
          )}
          {row.persona && (
            <span className="plan-table__persona">
              <bdi>{row.persona}</bdi>
            </span>
          )}
        </td>
      )}
      <td>
        <bdi>{row.stage}</bdi>
      </td>
      <td>{rating('impact', 'plan.impactOf')}</td>
      <td>{rating('effort', 'plan.effortOf')}</td>
      <td>{row.votes}</td>
      <td>
        <OwnerInput
          key={row.owner ?? ''}
          label={t('plan.ownerOf', { title: name })}
          value={row.owner ?? ''}
          onCommit={(owner) => changeRow({ owner: owner || undefined })}
        />
      </td>
      <td>
        <select
          className="input input--inline"
          aria-label={t('plan.statusOf', { title: name })}
          value={row.status ?? ''}
          onChange={(e) => changeRow({ status: (e.target.value || undefined) as OpportunityStatus | undefined })}
        >
          <option value="">{t('plan.notSet')}</option>
          {OPPORTUNITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="plan-table__kpi">
        {metrics.length === 0 ? (
          <span className="plan-table__none">{t('plan.noMetricCards')}</span>
        ) : (
          <select
            className="input input--inline"
            aria-label={t('plan.kpiOf', { title: name })}
            value={row.kpi?.cardId ?? ''}
            onChange={(e) => change(row.cardId, { kpiCardId: e.target.value || undefined })}
          >
            <option value="">{t('plan.noKpi')}</option>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title.trim() || t(`metric.${m.metric ?? 'custom'}`)}
              </option>
            ))}
          </select>
        )}
        {row.kpi && (
          <span className={`plan-table__reading reading--${row.kpi.status}`}>
            {row.kpi.value ?? '–'}
            {row.kpi.unit ? ` ${row.kpi.unit}` : ''}
            {' / '}
            <TargetInput
              key={row.kpi.target ?? ''}
              label={t('plan.targetOf', { title: row.kpi.title.trim() || t(`metric.${row.kpi.metric}`) })}
              value={row.kpi.target}
              onCommit={(target) => change(row.kpi!.cardId, { target })}
            />
            {row.kpi.status === 'notMet' && (
              <span className="reading__mark">
                {' ✗ '}
                {t('report.targetMissed')}
              </span>
            )}
          </span>
        )}
        {row.future?.kpi && (
          <span className="plan-table__reading">{t('report.inFuture', { kpi: formatKpi(row.future.kpi, words) })}</span>
        )}
      </td>
      <td>
        {row.answers.length > 0 && (
          <ul className="plan-table__answers">
            {row.answers.map((p) => (
              <li key={p.cardId}>
                <bdi>{p.title}</bdi>
                {p.severity && <span className={`sev sev--${p.severity}`}> · {t(`severity.${p.severity}`)}</span>}
              </li>
            ))}
          </ul>
        )}
        {row.answersBy === 'stage' && <span className="plan-table__none">({t('plan.answersByStage')})</span>}
      </td>
    </tr>
  );
});

function OwnerInput({ label, value, onCommit }: { label: string; value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <input
      className="input input--inline"
      aria-label={label}
      dir="auto"
      maxLength={LIMITS.ownerLength}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(value);
      }}
    />
  );
}

function TargetInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | undefined;
  onCommit: (v: number | undefined) => void;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const commit = (input: HTMLInputElement) => {
    // Text that is not a number reads as empty: it must not clear the target.
    const next = text.trim() === '' ? undefined : Number(text);
    if (input.validity.badInput || (next !== undefined && !Number.isFinite(next))) {
      input.value = '';
      return setText(value === undefined ? '' : String(value));
    }
    if (next !== value) onCommit(next);
  };
  return (
    <input
      type="number"
      className="input input--inline plan-table__target"
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
      }}
    />
  );
}
