import { planRows, rankPlan } from './action-plan';
import type { Alignment, StageScores } from './compare';
import {
  channelRows,
  emptyStages,
  metricRows,
  painHeatmap,
  stagesIn,
  votesPerStage,
  type MetricReading,
} from './compare-panels';
import { formatGap, formatScore } from './compare-summary';
import { currentAndFuture, stateDiff, type MetricChange } from './future-state';
import { formatRowKpi, topPainPoints, type ReportWords } from './report';
import type { JourneyParts } from './queries';
import type { Severity } from './types';

/**
 * Compare's panels as plain tables, for the exports that cannot copy the screen (the SVG and the
 * PowerPoint deck): the same figures and words as the screen's panels, each cell with the tone the
 * screen colours it by. Messages come from the caller's `t`, so this stays pure.
 */
export type CellTone = Severity | 'unrated' | 'none' | 'missing' | 'met' | 'notMet' | 'used' | 'diverge';

export interface TableCell {
  text: string;
  tone?: CellTone;
}

export type PanelKey =
  'averages' | 'future' | 'pains' | 'metrics' | 'channels' | 'votes' | 'topPains' | 'topOpportunities';

export interface PanelTable {
  key: PanelKey;
  title: string;
  headers: string[];
  rows: TableCell[][];
  /** Said instead of (or, for stages left out, under) the table. */
  notes: string[];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface CompareTableInput {
  parts: readonly JourneyParts[];
  alignment: Alignment;
  scores: readonly StageScores[];
  divergent: ReadonlySet<number>;
  names: readonly string[];
  t: Translate;
  /** Stage names joined as the reader's language lists them. */
  list: (items: string[]) => string;
  words: ReportWords & { target: string };
  /** Pain points and opportunities listed. */
  top: number;
}

const cell = (text: string, tone?: CellTone): TableCell => (tone ? { text, tone } : { text });

function readingText(r: MetricReading, t: Translate): string {
  const num = (n: number | undefined) => (n === undefined ? undefined : `${n}${r.unit ? ` ${r.unit}` : ''}`);
  const value = num(r.value) ?? t('panels.noValue');
  const target = num(r.target) ?? t('panels.noTarget');
  const verdict = r.status === 'met' ? ` ${t('panels.met')}` : r.status === 'notMet' ? ` ${t('panels.missed')}` : '';
  return `${t('panels.valueOfTarget', { value, target })}${verdict}`;
}

/** The screen's readings of a metric, in words: shared by the panel on screen and the exports. */
export { readingText as metricReadingText };

const figure = (n: number | undefined, unit?: string) => (n === undefined ? '–' : unit ? `${n} ${unit}` : String(n));

/** A metric today against the future state's target, in words: "Wait: 12 min → 5 min · target not met yet". */
export function futureReadingText(m: MetricChange, t: Translate): string {
  const reading = t('future.reading', {
    title: m.title.trim() || t(`metric.${m.metric}`),
    now: figure(m.now, m.unit),
    target: figure(m.thenTarget ?? m.nowTarget, m.unit),
  });
  return m.status === 'met'
    ? `${reading} · ${t('future.met')}`
    : m.status === 'notMet'
      ? `${reading} · ${t('future.missed')}`
      : reading;
}

/** What a future state changes from its current state, as the screen's table shows it. */
function futureTable(current: JourneyParts, future: JourneyParts, t: Translate): PanelTable {
  const pains = (list: { title: string; severity?: Severity }[]) =>
    list.length
      ? cell(list.map((p) => (p.severity ? `${p.title} · ${t(`severity.${p.severity}`)}` : p.title)).join('; '))
      : cell(t('future.none'), 'none');
  return {
    key: 'future',
    title: t('future.title'),
    headers: [t('compare.stage'), t('future.emotion'), t('future.removed'), t('future.added'), t('future.metrics')],
    rows: stateDiff(current, future).map((d) => [
      cell(
        !d.inCurrent || !d.inFuture ? `${d.name} · ${t(d.inCurrent ? 'future.onlyNow' : 'future.onlyThen')}` : d.name,
      ),
      d.emotionNow === null && d.emotionThen === null
        ? cell(t('future.noScores'), 'none')
        : cell(
            t('future.change', {
              now: formatScore(d.emotionNow),
              then: formatScore(d.emotionThen),
              change: formatScore(d.emotionChange),
            }),
          ),
      pains(d.painsRemoved),
      pains(d.painsAdded),
      d.metrics.length
        ? cell(
            d.metrics.map((m) => futureReadingText(m, t)).join('; '),
            d.metrics.some((m) => m.status === 'notMet') ? 'notMet' : undefined,
          )
        : cell(t('future.none'), 'none'),
    ]),
    notes: [],
  };
}

export function compareTables(input: CompareTableInput): PanelTable[] {
  const { parts, alignment, names, t } = input;
  const stageName = (i: number) => alignment.stages[i]!.name;
  const missing = () => cell('—', 'missing');
  const without = (key: string, stages: number[]) =>
    stages.length ? [t(key, { stages: input.list(stages.map((i) => `“${stageName(i)}”`)), count: stages.length })] : [];
  const stageCount = alignment.stages.length;
  const tables: PanelTable[] = [];

  tables.push({
    key: 'averages',
    title: t('compare.averages'),
    headers: [t('compare.stage'), ...names, t('compare.gap')],
    rows: input.scores.map((s, i) => [
      cell(
        [
          s.name,
          s.onlyIn !== null ? t('compare.onlyIn', { name: names[s.onlyIn] }) : '',
          input.divergent.has(i) ? t('compare.divergesMost') : '',
        ]
          .filter(Boolean)
          .join(' · '),
        input.divergent.has(i) ? 'diverge' : undefined,
      ),
      ...s.averages.map((a) => cell(formatScore(a))),
      cell(formatGap(s.gap)),
    ]),
    notes: [],
  });

  const pair = parts.length === 2 ? currentAndFuture(parts[0]!, parts[1]!) : null;
  if (pair) tables.push(futureTable(pair[0], pair[1], t));

  const heat = painHeatmap(parts, alignment);
  const painStages = stagesIn(heat, (c) => c.count > 0);
  tables.push({
    key: 'pains',
    title: t('panels.pains'),
    headers: [t('compare.stage'), ...names],
    rows: painStages.map((s) => [
      cell(stageName(s)),
      ...heat[s]!.map((c) =>
        c === null
          ? missing()
          : c.count === 0
            ? cell(t('panels.none'), 'none')
            : c.highest
              ? cell(t('panels.painCell', { count: c.count, severity: t(`severity.${c.highest}`) }), c.highest)
              : cell(t('panels.painCellUnrated', { count: c.count }), 'unrated'),
      ),
    ]),
    notes: painStages.length ? without('panels.noPainsAt', emptyStages(stageCount, painStages)) : [t('panels.noPains')],
  });

  const metrics = metricRows(parts, alignment);
  tables.push({
    key: 'metrics',
    title: t('panels.metrics'),
    headers: [t('compare.stage'), t('panels.measure'), ...names],
    rows: metrics.map((row) => [
      cell(stageName(row.stage)),
      cell(row.name ?? t(`metric.${row.metric}`)),
      ...row.cells.map((readings) =>
        readings === null
          ? missing()
          : readings.length === 0
            ? cell(t('panels.notMeasured'), 'none')
            : cell(
                readings.map((r) => readingText(r, t)).join('; '),
                readings.some((r) => r.status === 'notMet')
                  ? 'notMet'
                  : readings.every((r) => r.status === 'met')
                    ? 'met'
                    : undefined,
              ),
      ),
    ]),
    notes: metrics.length
      ? without('panels.noMetricsAt', emptyStages(stageCount, [...new Set(metrics.map((r) => r.stage))]))
      : [t('panels.noMetrics')],
  });

  const channels = channelRows(parts, alignment);
  tables.push({
    key: 'channels',
    title: t('panels.channels'),
    headers: [t('compare.stage'), t('panels.channel'), ...names],
    rows: channels.map((row) => [
      cell(stageName(row.stage)),
      cell(row.channel ? t(`channel.${row.channel}`) : t('panels.noChannel')),
      ...row.cells.map((ids) =>
        ids === null
          ? missing()
          : ids.length === 0
            ? cell(t('panels.none'), 'none')
            : cell(t('panels.used', { count: ids.length }), 'used'),
      ),
    ]),
    notes: channels.length
      ? without('panels.noChannelsAt', emptyStages(stageCount, [...new Set(channels.map((r) => r.stage))]))
      : [t('panels.noChannels')],
  });

  const votes = votesPerStage(parts, alignment);
  if (votes.ran.some(Boolean))
    tables.push({
      key: 'votes',
      title: t('panels.votes'),
      headers: [t('compare.stage'), ...names],
      rows: alignment.stages.map((_, s) => [
        cell(stageName(s)),
        ...votes.cells[s]!.map((c, j) =>
          !votes.ran[j]
            ? cell(t('panels.noVote'), 'none')
            : c === null
              ? missing()
              : cell(t('panels.votesCell', { count: c.votes })),
        ),
      ]),
      notes: [],
    });

  const { words } = input;
  const dash = '–';
  const pains = topPainPoints(parts, input.top);
  tables.push({
    key: 'topPains',
    title: words.topPains,
    headers: [words.painPoint, words.who, words.stage, words.severity],
    rows: pains.map((p) => [
      cell(p.title),
      cell(p.who),
      cell(p.stage),
      p.severity ? cell(words.severityName(p.severity), p.severity) : cell(dash),
    ]),
    notes: pains.length ? [] : [words.none],
  });
  const opportunities = rankPlan(planRows(parts)).slice(0, input.top);
  tables.push({
    key: 'topOpportunities',
    title: words.topOpportunities,
    headers: [
      words.opportunity,
      words.who,
      words.owner,
      words.kpi,
      words.impact,
      words.effort,
      words.votes,
      words.status,
    ],
    rows: opportunities.map((r) => [
      cell(r.title),
      cell(r.persona ?? r.journeyTitle),
      cell(r.owner ?? dash),
      cell(formatRowKpi(r, words) || dash, r.kpi?.status === 'notMet' ? 'notMet' : undefined),
      cell(String(r.impact ?? dash)),
      cell(String(r.effort ?? dash)),
      cell(String(r.votes)),
      cell(r.status ? words.statusName(r.status) : dash),
    ]),
    notes: opportunities.length ? [] : [words.none],
  });
  return tables;
}
