import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareHref } from '../../app/router';
import { alignStages, curveColors, mostDivergent, seriesLabels, stageScores } from '../../domain/compare';
import { formatGap, formatScore } from '../../domain/compare-summary';
import { compareReport } from '../../domain/report';
import { compareTables } from '../../domain/compare-tables';
import { copyText } from '../../ui/copy-text';
import { journeyLines, reportWords } from '../plan/report-words';
import { safeFileName } from '../../domain/filename';
import { useLoadedJourneys } from '../../app/use-loaded-journeys';
import { journeySummaries, manyJourneyParts } from '../../domain/queries';
import { useWorkspace, useApp } from '../../app/app-context';
import { Avatar } from '../../ui/Avatar';
import { downloadBlob } from '../../ui/download';
import { ComparePanels } from './ComparePanels';
import { FutureDiff } from './FutureDiff';
import { currentAndFuture } from '../../domain/future-state';
import { CurvesChart, type Series } from './CurvesChart';

export const MAX_COMPARED = 5;
/** Pain points and opportunities in the summary. */
const REPORT_TOP = 5;

/** Several personas' versions of a journey, side by side, and where their experiences diverge. */
export default function CompareScreen({ journeyIds }: { journeyIds: string[] }) {
  const app = useApp();
  const { t, i18n } = useTranslation();
  const doc = useWorkspace((s) => s.doc);
  const counts = useWorkspace((s) => s.counts);
  const summaries = useMemo(() => journeySummaries(doc, counts), [doc, counts]);
  // The selection lives in the address (so a reload or a shared link keeps it); ticking a box
  // updates it in place, without a navigation.
  const [picked, setPicked] = useState(journeyIds);
  useEffect(() => setPicked(journeyIds), [journeyIds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const selected = useMemo(
    () => [...new Set(picked)].filter((id) => doc.journeys[id]).slice(0, MAX_COMPARED),
    [picked, doc.journeys],
  );
  // The journeys compared are read when picked; until then the chart waits for them.
  const { state: loadState, retry } = useLoadedJourneys(selected);
  const parts = useMemo(
    () => (loadState === 'ready' ? manyJourneyParts(doc, selected) : []),
    [selected, doc, loadState],
  );
  const exportRef = useRef<HTMLDivElement>(null);

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((s) => s !== id);
    setPicked(next);
    history.replaceState(history.state, '', compareHref(next));
  };
  const ready = parts.length >= 2;
  const pair = parts.length === 2 ? currentAndFuture(parts[0]!, parts[1]!) : null;
  const alignment = useMemo(() => alignStages(parts), [parts]);
  const scores = useMemo(() => stageScores(parts, alignment), [parts, alignment]);
  const divergent = useMemo(() => new Set(mostDivergent(scores)), [scores]);
  const colors = curveColors(parts.map((p) => p.persona?.color));
  const labels = seriesLabels(parts, (state) => t(`editor.state.${state}`).toLocaleLowerCase());
  const series: Series[] = parts.map((_, i) => ({ label: labels[i]!, color: colors[i]! }));
  const names = series.map((s) => s.label);
  const listFormat = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const divergentNames = [...divergent].map((i) => `“${scores[i]!.name}”`);

  const exportPng = async () => {
    if (!exportRef.current) return;
    try {
      const { toBlob } = await import('html-to-image');
      // A picture for documents keeps the light palette whatever the theme on screen.
      const node = exportRef.current;
      node.dataset.theme = 'light';
      const blob = await toBlob(node, { backgroundColor: '#ffffff', pixelRatio: 2, skipFonts: true }).finally(
        () => delete node.dataset.theme,
      );
      if (blob) downloadBlob(blob, safeFileName(`${t('compare.title')} ${names.join(' ')}`, '.png'));
    } catch {
      app.toasts.show(t('compare.exportFailed'), { tone: 'error' });
    }
  };

  const verdict = divergentNames.length
    ? t('compare.divergeMost', {
        names: listFormat.format(names),
        stages: listFormat.format(divergentNames),
        count: divergentNames.length,
      })
    : alignment.stages.some((s) => s.shared)
      ? t('compare.noDivergence')
      : t('compare.noSharedStage');
  const deckTitle = `${t('compare.title')}: ${listFormat.format(names)}`;
  const fileName = (ext: string) => safeFileName(`${t('compare.title')} ${names.join(' ')}`, ext);
  const deck = () => ({
    title: deckTitle,
    verdict,
    names,
    colors: series.map((s) => s.color),
    journeyTitles: parts.map((p) => p.journey.title),
    scores,
    tables: compareTables({
      parts,
      alignment,
      scores,
      divergent,
      names,
      t,
      list: (items) => listFormat.format(items),
      words: reportWords(),
      top: REPORT_TOP,
    }),
    words: { chartName: t('compare.averages') },
  });
  const exports = (action: (m: typeof import('./compare-exports')) => unknown) =>
    import('./compare-exports').then(action).catch(() => app.toasts.show(t('compare.exportFailed'), { tone: 'error' }));
  const copySummary = () =>
    copyText(
      compareReport(
        {
          title: deckTitle,
          journeyLines: journeyLines(parts),
          words: reportWords(),
          top: REPORT_TOP,
          verdict,
          names,
          scores,
          divergent,
          onlyIn: (name) => t('compare.onlyIn', { name }),
          divergesMost: t('compare.divergesMost'),
        },
        parts,
      ),
      app.toasts,
      { copied: t('compareExport.copied'), failed: t('compareExport.copyFailed') },
    );

  return (
    <div className="screen screen--wide">
      <div className="screen__head">
        <h1>{t('compare.title')}</h1>
        {ready && (
          <div className="screen__actions">
            <button type="button" className="button" onClick={() => void exportPng()}>
              {t('compare.exportPng')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                const chart = exportRef.current?.querySelector<SVGSVGElement>('svg.curves');
                if (chart) void exports((m) => m.exportCompareSvg(chart, deck(), fileName('.svg')));
              }}
            >
              {t('compareExport.svg')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void exports((m) => m.exportComparePptx(deck(), fileName('.pptx')))}
            >
              {t('compareExport.pptx')}
            </button>
            <button type="button" className="button" onClick={() => void copySummary()}>
              {t('compareExport.copySummary')}
            </button>
          </div>
        )}
      </div>
      <fieldset className="compare-pick">
        <legend>{t('compare.pick', { max: MAX_COMPARED })}</legend>
        {summaries.length === 0 && <p className="empty">{t('journeys.empty')}</p>}
        {summaries.map((s) => {
          const on = selected.includes(s.journey.id);
          return (
            <label key={s.journey.id} className="compare-pick__item">
              <input
                type="checkbox"
                aria-label={s.journey.title}
                checked={on}
                disabled={!on && selected.length >= MAX_COMPARED}
                onChange={(e) => toggle(s.journey.id, e.target.checked)}
              />
              <Avatar persona={s.persona} size={24} />
              <bdi>{s.journey.title}</bdi>
              <span className="compare-pick__persona">{s.persona?.name ?? t('journeys.noPersona')}</span>
            </label>
          );
        })}
      </fieldset>
      {loadState === 'failed' ? (
        <p role="alert">
          {t('compare.loadFailed')}{' '}
          <button type="button" className="button" onClick={retry}>
            {t('editor.openRetry')}
          </button>
        </p>
      ) : loadState === 'loading' ? (
        <p role="status">{t('compare.loading')}</p>
      ) : !ready ? (
        <p className="empty">{t('compare.needTwo')}</p>
      ) : (
        <div ref={exportRef} className="compare">
          {alignment.byPosition && (
            <p className="notice" role="status" aria-label={t('compare.byPosition')}>
              {t('compare.byPosition')}
            </p>
          )}
          <p className="compare__verdict">{verdict}</p>
          <ul className="legend" aria-label={t('compare.legend')}>
            {parts.map((p, i) => (
              <li key={p.journey.id}>
                <span className="legend__swatch" style={{ background: series[i]!.color }} aria-hidden="true" />
                <Avatar persona={p.persona} size={24} />
                <span>
                  <bdi>{series[i]!.label}</bdi> — <bdi>{p.journey.title}</bdi>
                </span>
              </li>
            ))}
          </ul>
          <div className="curves-scroll">
            <CurvesChart scores={scores} series={series} divergent={divergent} />
          </div>
          <table className="compare-table">
            <caption>{t('compare.averages')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.stage')}</th>
                {names.map((n, i) => (
                  <th key={i} scope="col">
                    {n}
                  </th>
                ))}
                <th scope="col">{t('compare.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s, i) => (
                <tr key={i} className={divergent.has(i) ? 'compare-table__diverge' : undefined}>
                  <th scope="row">
                    <bdi>{s.name}</bdi>
                    {s.onlyIn !== null && (
                      <span className="compare-table__only">{t('compare.onlyIn', { name: names[s.onlyIn] })}</span>
                    )}
                    {divergent.has(i) && <span className="badge">{t('compare.divergesMost')}</span>}
                  </th>
                  {s.averages.map((a, j) => (
                    <td key={j}>{formatScore(a)}</td>
                  ))}
                  <td>{formatGap(s.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pair && <FutureDiff current={pair[0]} future={pair[1]} />}
          <ComparePanels parts={parts} alignment={alignment} names={names} />
        </div>
      )}
    </div>
  );
}
