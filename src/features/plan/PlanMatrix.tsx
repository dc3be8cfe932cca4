import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { updatePlanRow, type PlanRow } from '../../domain/action-plan';
import type { Id } from '../../domain/types';
import { run } from '../editor/editor-actions';

/** Chips drawn per cell: a plan of thousands stays quick, the rest are counted. */
const CHIPS_PER_CELL = 12;
const LEVELS = [1, 2, 3] as const;
const DRAG_TYPE = 'application/x-journey-opportunity';

/** Corner cells name the classic quadrants; the middle row and column are in between. */
const CORNERS: Record<string, string> = {
  '3/1': 'plan.quickWins',
  '3/3': 'plan.bigBets',
  '1/1': 'plan.fillIns',
  '1/3': 'plan.moneyPits',
};

const clamp = (n: number) => Math.max(1, Math.min(3, n));

/**
 * Opportunities on an impact (rows, high at the top) by effort (columns, low at the left) grid.
 * Dropping one on a cell, or moving it with the arrow keys, sets both its ratings.
 */
export function PlanMatrix({ rows, ranks }: { rows: readonly PlanRow[]; ranks: ReadonlyMap<Id, number> }) {
  const app = useApp();
  const { t } = useTranslation();
  const [over, setOver] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<Id | null>(null);
  // Said once per move through a polite live region: a drop or an arrow key changes two ratings.
  const [said, setSaid] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const byCell = useMemo(() => {
    const map = new Map<string, PlanRow[]>();
    for (const r of rows) {
      const key = r.impact !== undefined && r.effort !== undefined ? `${r.impact}/${r.effort}` : 'unrated';
      const list = map.get(key);
      if (list) list.push(r);
      else map.set(key, [r]);
    }
    return map;
  }, [rows]);

  // A chip moved by keyboard is drawn anew in its new cell: focus follows it there.
  useEffect(() => {
    if (!focusId) return;
    root.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(focusId)}"]`)?.focus();
    setFocusId(null);
  }, [focusId, rows]);

  const rate = (row: PlanRow, impact: number, effort: number) => {
    if (row.impact === impact && row.effort === effort) return;
    if (run(app, updatePlanRow(row, { impact, effort })))
      setSaid(
        t('plan.moved', {
          title: row.title.trim() || t('plan.untitled'),
          impact: t(`plan.level.${impact}`),
          effort: t(`plan.level.${effort}`),
        }),
      );
  };
  const onKey = (row: PlanRow, e: KeyboardEvent) => {
    const step: Record<string, [number, number]> = {
      ArrowUp: [1, 0],
      ArrowDown: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const d = step[e.key];
    if (!d) return;
    e.preventDefault();
    // An unrated opportunity starts from the middle.
    rate(row, clamp((row.impact ?? 2) + d[0]), clamp((row.effort ?? 2) + d[1]));
    setFocusId(row.cardId);
  };
  const dropOn = (impact: number, effort: number) => ({
    onDragOver: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes(DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(`${impact}/${effort}`);
    },
    onDragLeave: () => setOver(null),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(null);
      const row = rows.find((r) => r.cardId === e.dataTransfer.getData(DRAG_TYPE));
      if (row) rate(row, impact, effort);
    },
  });

  const chips = (list: readonly PlanRow[] = []) => (
    <>
      <ul className="matrix__chips">
        {list.slice(0, CHIPS_PER_CELL).map((r) => (
          <li key={r.cardId}>
            <button
              type="button"
              className={r.status === 'done' ? 'matrix__chip matrix__chip--done' : 'matrix__chip'}
              draggable
              data-card={r.cardId}
              aria-label={r.title.trim() || t('plan.untitled')}
              title={`${r.title} — ${r.persona ?? r.journeyTitle}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, r.cardId);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onKeyDown={(e) => onKey(r, e)}
            >
              <span className="matrix__rank" aria-hidden="true">
                {ranks.get(r.cardId)}
              </span>
              <bdi>{r.title.trim() || t('plan.untitled')}</bdi>
            </button>
          </li>
        ))}
      </ul>
      {list.length > CHIPS_PER_CELL && (
        <p className="matrix__more">{t('plan.more', { count: list.length - CHIPS_PER_CELL })}</p>
      )}
    </>
  );

  return (
    <section className="matrix" aria-label={t('plan.matrix')} ref={root}>
      <h2>{t('plan.matrix')}</h2>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      <p className="field__hint">{t('plan.matrixHint')}</p>
      <div className="matrix__frame">
        <span className="matrix__axis matrix__axis--y" aria-hidden="true">
          {t('plan.impactAxis')} →
        </span>
        <div className="matrix__grid">
          {[...LEVELS].reverse().map((impact) => (
            <div key={impact} className="matrix__row">
              <span className="matrix__level" aria-hidden="true">
                {t(`plan.level.${impact}`)}
              </span>
              {LEVELS.map((effort) => {
                const key = `${impact}/${effort}`;
                const corner = CORNERS[key];
                return (
                  <div
                    role="group"
                    key={key}
                    aria-label={t('plan.cellName', {
                      impact: t(`plan.level.${impact}`),
                      effort: t(`plan.level.${effort}`),
                    })}
                    className={`matrix__cell matrix__cell--${impact - effort + 2}${over === key ? ' matrix__cell--over' : ''}`}
                    {...dropOn(impact, effort)}
                  >
                    {corner && <span className="matrix__quadrant">{t(corner)}</span>}
                    {chips(byCell.get(key))}
                  </div>
                );
              })}
            </div>
          ))}
          <div className="matrix__row matrix__row--foot" aria-hidden="true">
            <span className="matrix__level" />
            {LEVELS.map((effort) => (
              <span key={effort} className="matrix__level">
                {t(`plan.level.${effort}`)}
              </span>
            ))}
          </div>
        </div>
        <span className="matrix__axis matrix__axis--x" aria-hidden="true">
          {t('plan.effortAxis')} →
        </span>
      </div>
      {byCell.has('unrated') && (
        <div className="matrix__unrated" role="group" aria-label={t('plan.unrated')}>
          <h3>{t('plan.unrated')}</h3>
          <p className="field__hint">{t('plan.unratedHint')}</p>
          {chips(byCell.get('unrated'))}
        </div>
      )}
    </section>
  );
}
