import { rankPlan, planRows, type PlanKpi, type PlanRow } from './action-plan';
import type { StageScores } from './compare';
import { formatGap, formatScore } from './compare-summary';
import { mdTable, mdText } from './markdown';
import type { JourneyParts } from './queries';
import { SEVERITIES, type Metric, type OpportunityStatus, type Severity } from './types';

export interface PainRow {
  title: string;
  who: string;
  stage: string;
  severity?: Severity;
}

/** Pain points, the most severe first (unrated last); map order between equals. */
export function topPainPoints(journeys: readonly JourneyParts[], n: number): PainRow[] {
  const rows: (PainRow & { rank: number; i: number })[] = [];
  for (const parts of journeys) {
    const lanes = new Set(parts.lanes.filter((l) => l.kind === 'painPoints').map((l) => l.id));
    const stages = new Map(parts.stages.map((s) => [s.id, s.name]));
    for (const c of parts.cards) {
      if (!lanes.has(c.laneId)) continue;
      rows.push({
        title: c.title,
        who: parts.persona?.name ?? parts.journey.title,
        stage: stages.get(c.stageId) ?? '',
        severity: c.severity,
        rank: c.severity ? SEVERITIES.indexOf(c.severity) : -1,
        i: rows.length,
      });
    }
  }
  return rows
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .slice(0, n)
    .map(({ rank: _rank, i: _i, ...row }) => row);
}

export interface ReportWords {
  journeys: string;
  topPains: string;
  topOpportunities: string;
  /** Said under a heading when there is nothing to list. */
  none: string;
  stage: string;
  gap: string;
  painPoint: string;
  who: string;
  severity: string;
  opportunity: string;
  owner: string;
  kpi: string;
  impact: string;
  effort: string;
  votes: string;
  status: string;
  severityName: (s: Severity) => string;
  statusName: (s: OpportunityStatus) => string;
  metricName: (m: Metric) => string;
  targetMissed: string;
  /** "future state: Time to plan: target 20 min", for the KPI of a row's future-state copy. */
  inFuture: (kpi: string) => string;
}

const dash = '–';

/** "First response: 30 min, target 10 min (target missed)"; only what the card holds. */
export function formatKpi(kpi: PlanKpi, words: Pick<ReportWords, 'metricName' | 'targetMissed'> & { target: string }) {
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  const figures = [
    kpi.value !== undefined ? `${kpi.value}${unit}` : null,
    kpi.target !== undefined ? `${words.target} ${kpi.target}${unit}` : null,
  ].filter(Boolean);
  const name = kpi.title.trim() || words.metricName(kpi.metric);
  const missed = kpi.status === 'notMet' ? ` (${words.targetMissed})` : '';
  return `${name}${figures.length ? `: ${figures.join(', ')}` : ''}${missed}`;
}

/** A row's KPI, with its future state's beside it when the row holds both. */
export function formatRowKpi(row: PlanRow, words: Parameters<typeof formatKpi>[1] & Pick<ReportWords, 'inFuture'>) {
  const then = row.future?.kpi ? words.inFuture(formatKpi(row.future.kpi, words)) : null;
  return [row.kpi ? formatKpi(row.kpi, words) : null, then].filter(Boolean).join('; ');
}

/** The journey a row is from: "Moving → Moving (future state)" for a row that holds both states. */
export const rowJourney = (row: PlanRow) =>
  row.future ? `${row.journeyTitle} → ${row.future.journeyTitle}` : row.journeyTitle;

/**
 * Whether a journey's title already names its state ("Moving (future state)"), so that a line
 * about it does not say it twice.
 */
export const saysState = (title: string, stateName: string) =>
  stateName.trim() !== '' && title.toLocaleLowerCase().includes(stateName.trim().toLocaleLowerCase());

function painSection(pains: readonly PainRow[], words: ReportWords): string[] {
  return [
    `## ${words.topPains}`,
    '',
    pains.length
      ? mdTable(
          [words.painPoint, words.who, words.stage, words.severity],
          pains.map((p) => [p.title, p.who, p.stage, p.severity ? words.severityName(p.severity) : dash]),
        )
      : words.none,
  ];
}

function opportunitySection(rows: readonly PlanRow[], words: ReportWords & { target: string }): string[] {
  return [
    `## ${words.topOpportunities}`,
    '',
    rows.length
      ? mdTable(
          [words.opportunity, words.who, words.owner, words.kpi, words.impact, words.effort, words.votes, words.status],
          rows.map((r) => [
            r.title,
            r.persona ?? r.journeyTitle,
            r.owner ?? dash,
            formatRowKpi(r, words) || dash,
            r.impact ?? dash,
            r.effort ?? dash,
            r.votes,
            r.status ? words.statusName(r.status) : dash,
          ]),
        )
      : words.none,
  ];
}

/** Both reports open with their title and the journeys they are about. */
const reportHead = (input: ReportInput) => [
  `# ${mdText(input.title)}`,
  '',
  `## ${input.words.journeys}`,
  '',
  ...input.journeyLines.map((l) => `- ${mdText(l)}`),
  '',
];

export interface ReportInput {
  title: string;
  /** One line per journey: "Ana — Support call (future state)". */
  journeyLines: string[];
  words: ReportWords & { target: string };
  top: number;
}

/**
 * Compare as a short Markdown report: the journeys, the verdict on where they diverge with each
 * stage's averages and gap, then the top pain points and opportunities of the compared journeys.
 */
export function compareReport(
  input: ReportInput & {
    verdict: string;
    names: readonly string[];
    scores: readonly StageScores[];
    divergent: ReadonlySet<number>;
    /** "only Priya", for a stage only one journey has. */
    onlyIn: (name: string) => string;
    divergesMost: string;
  },
  journeys: readonly JourneyParts[],
): string {
  const { words } = input;
  const stageName = (s: StageScores, i: number) => {
    const notes = [
      s.onlyIn !== null ? input.onlyIn(input.names[s.onlyIn] ?? '') : '',
      input.divergent.has(i) ? input.divergesMost : '',
    ].filter(Boolean);
    return notes.length ? `${s.name} (${notes.join(', ')})` : s.name;
  };
  return [
    ...reportHead(input),
    mdText(input.verdict),
    // Where they diverge most, with the figures behind the claim.
    ...[...input.divergent].map((i) => {
      const st = input.scores[i]!;
      const each = st.averages.flatMap((a, j) => (a === null ? [] : [`${input.names[j]} ${formatScore(a)}`]));
      return `- ${mdText(st.name)}: ${words.gap.toLocaleLowerCase()} ${formatGap(st.gap)} (${mdText(each.join(', '))})`;
    }),
    '',
    mdTable(
      [words.stage, ...input.names, words.gap],
      input.scores.map((s, i) => [stageName(s, i), ...s.averages.map(formatScore), formatGap(s.gap)]),
    ),
    '',
    ...painSection(topPainPoints(journeys, input.top), words),
    '',
    ...opportunitySection(rankPlan(planRows(journeys)).slice(0, input.top), words),
    '',
  ].join('\n');
}

/** The action plan as a short Markdown report: the journeys, the top pain points, the plan's top rows. */
export function planReport(input: ReportInput, journeys: readonly JourneyParts[], rows: readonly PlanRow[]): string {
  const { words } = input;
  return [
    ...reportHead(input),
    ...painSection(topPainPoints(journeys, input.top), words),
    '',
    ...opportunitySection(rows.slice(0, input.top), words),
    '',
  ].join('\n');
}

export interface PlanTableWords extends ReportWords {
  target: string;
  rank: string;
  journey: string;
  persona: string;
  answers: string;
}

/** The whole plan as a table (for CSV and Markdown): a row per opportunity, ranked as given. */
export function planTable(
  rows: readonly PlanRow[],
  words: PlanTableWords,
): { headers: string[]; cells: (string | number)[][] } {
  return {
    headers: [
      words.rank,
      words.opportunity,
      words.journey,
      words.persona,
      words.stage,
      words.impact,
      words.effort,
      words.votes,
      words.owner,
      words.status,
      words.kpi,
      words.answers,
    ],
    cells: rows.map((r, i) => [
      i + 1,
      r.title,
      rowJourney(r),
      r.persona ?? '',
      r.stage,
      r.impact ?? '',
      r.effort ?? '',
      r.votes,
      r.owner ?? '',
      r.status ? words.statusName(r.status) : '',
      formatRowKpi(r, words),
      r.answers.map((p) => p.title).join('; '),
    ]),
  };
}
