import { updateCard } from './card-commands';
import type { CardChanges } from './card-fields';
import { batch, type Command } from './command';
import { metricStatus, type MetricStatus } from './metrics';
import { cardsByStage, type JourneyParts } from './queries';
import {
  SEVERITIES,
  type CardRec,
  type Id,
  type JourneyState,
  type Metric,
  type OpportunityStatus,
  type Severity,
} from './types';

export interface PlanKpi {
  cardId: Id;
  title: string;
  metric: Metric;
  value?: number;
  target?: number;
  unit?: string;
  status: MetricStatus;
}

export interface PlanPain {
  cardId: Id;
  title: string;
  severity?: Severity;
}

export interface PlanRow {
  cardId: Id;
  journeyId: Id;
  journeyTitle: string;
  persona: string | null;
  stage: string;
  stageIndex: number;
  title: string;
  impact?: number;
  effort?: number;
  votes: number;
  owner?: string;
  status?: OpportunityStatus;
  kpi: PlanKpi | null;
  /** The pain points it answers: those connected to it, or else those of its stage. */
  answers: PlanPain[];
  answersBy: 'connection' | 'stage' | null;
  /** The worst severity among the pain points it answers (-1 for none). */
  worstSeverity: number;
  /**
   * The same opportunity on the future-state map of this journey, when the plan holds both: one
   * row shows them together, and an edit of the row goes to both cards.
   */
  future?: PlanFuture;
}

export interface PlanFuture {
  cardId: Id;
  journeyId: Id;
  journeyTitle: string;
  kpi: PlanKpi | null;
}

/** The cards an edit of a row goes to: its own, and its future state's copy. */
export const rowCardIds = (row: Pick<PlanRow, 'cardId' | 'future'>): Id[] =>
  row.future ? [row.cardId, row.future.cardId] : [row.cardId];

/** An edit of a row's opportunity: one step that changes the card and its future state's copy alike. */
export const updatePlanRow = (row: Pick<PlanRow, 'cardId' | 'future'>, changes: CardChanges): Command =>
  batch(
    'updatePlanRow',
    rowCardIds(row).map((id) => updateCard(id, changes)),
  );

const norm = (s: string) => s.trim().toLocaleLowerCase();

/**
 * A future state copies its current state's opportunities: each copy joins the row of the
 * opportunity it was copied from (same title and stage name, ignoring case, as Compare matches
 * pain points), so the plan lists it once. One the future state added, or renamed, stays a row
 * of its own.
 */
function joinFutureStates(rows: PlanRow[], journeys: readonly JourneyParts[]): PlanRow[] {
  const held = new Set(journeys.map((p) => p.journey.id));
  const currentOf = new Map(
    journeys.flatMap((p) =>
      p.journey.state === 'future' && p.journey.currentStateId && held.has(p.journey.currentStateId)
        ? [[p.journey.id, p.journey.currentStateId] as const]
        : [],
    ),
  );
  const joined = new Set<PlanRow>();
  for (const row of rows) {
    const currentId = currentOf.get(row.journeyId);
    if (!currentId) continue;
    const mate = rows.find(
      (r) =>
        r.journeyId === currentId &&
        !r.future &&
        norm(r.title) === norm(row.title) &&
        norm(r.stage) === norm(row.stage),
    );
    if (!mate) continue;
    mate.future = { cardId: row.cardId, journeyId: row.journeyId, journeyTitle: row.journeyTitle, kpi: row.kpi };
    joined.add(row);
  }
  return rows.filter((r) => !joined.has(r));
}

const severityRank = (s: Severity | undefined) => (s ? SEVERITIES.indexOf(s) : -1);

/**
 * The opportunities of each journey, with what the plan shows of them, in map order; a future
 * state's copies are shown with the opportunities they were copied from.
 */
export function planRows(journeys: readonly JourneyParts[]): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const parts of journeys) {
    const kindOf = new Map(parts.lanes.map((l) => [l.id, l.kind]));
    const stageIndex = new Map(parts.stages.map((s, i) => [s.id, i]));
    const cards = new Map(parts.cards.map((c) => [c.id, c]));
    const painsByStage = cardsByStage(parts, 'painPoints');
    const linked = new Map<Id, CardRec[]>();
    for (const x of parts.connections) {
      for (const [a, b] of [
        [x.from, x.to],
        [x.to, x.from],
      ] as const) {
        const other = cards.get(b);
        if (other && kindOf.get(other.laneId) === 'painPoints') {
          const list = linked.get(a);
          if (list) list.push(other);
          else linked.set(a, [other]);
        }
      }
    }
    for (const card of parts.cards) {
      if (kindOf.get(card.laneId) !== 'opportunities') continue;
      const viaLinks = [...new Set(linked.get(card.id) ?? [])];
      const answers = viaLinks.length ? viaLinks : (painsByStage.get(card.stageId) ?? []);
      const kpiCard = card.kpiCardId ? cards.get(card.kpiCardId) : undefined;
      const index = stageIndex.get(card.stageId) ?? 0;
      rows.push({
        cardId: card.id,
        journeyId: parts.journey.id,
        journeyTitle: parts.journey.title,
        persona: parts.persona?.name ?? null,
        stage: parts.stages[index]?.name ?? '',
        stageIndex: index,
        title: card.title,
        impact: card.impact,
        effort: card.effort,
        votes: card.votes ?? 0,
        owner: card.owner?.trim() || undefined,
        status: card.status,
        kpi: kpiCard && kindOf.get(kpiCard.laneId) === 'metrics' ? kpiOf(kpiCard, parts.journey.state) : null,
        answers: answers.map((p) => ({ cardId: p.id, title: p.title, severity: p.severity })),
        answersBy: viaLinks.length ? 'connection' : answers.length ? 'stage' : null,
        worstSeverity: Math.max(-1, ...answers.map((p) => severityRank(p.severity))),
      });
    }
  }
  return joinFutureStates(rows, journeys);
}

function kpiOf(card: CardRec, state: JourneyState | undefined): PlanKpi {
  const kpi: PlanKpi = {
    cardId: card.id,
    title: card.title,
    metric: card.metric ?? 'custom',
    status: metricStatus(card, state),
  };
  if (card.value !== undefined) kpi.value = card.value;
  if (card.target !== undefined) kpi.target = card.target;
  if (card.unit !== undefined) kpi.unit = card.unit;
  return kpi;
}

/** Impact minus effort (-2…2); null until both are rated. */
export const priority = (row: Pick<PlanRow, 'impact' | 'effort'>): number | null =>
  row.impact !== undefined && row.effort !== undefined ? row.impact - row.effort : null;

/**
 * The plan's ranking: open work before done; then the better impact for the effort; then more
 * votes; then the worse pain answered; then map order. Unrated opportunities come after rated ones.
 */
export function rankPlan(rows: readonly PlanRow[]): PlanRow[] {
  const order = new Map(rows.map((r, i) => [r, i]));
  const p = (r: PlanRow) => priority(r) ?? -Infinity;
  return [...rows].sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      p(b) - p(a) ||
      b.votes - a.votes ||
      b.worstSeverity - a.worstSeverity ||
      order.get(a)! - order.get(b)!,
  );
}

export type PlanSort = 'rank' | 'impact' | 'effort' | 'votes' | 'owner' | 'status' | 'stage';
export const PLAN_SORTS: readonly PlanSort[] = ['rank', 'impact', 'effort', 'votes', 'owner', 'status', 'stage'];

const STATUS_ORDER: readonly (OpportunityStatus | undefined)[] = ['doing', 'planned', 'idea', undefined, 'done'];

/** The plan in another order; ties keep the ranking's order. Missing values go last. */
export function sortPlan(rows: readonly PlanRow[], by: PlanSort, collator: Intl.Collator): PlanRow[] {
  const ranked = rankPlan(rows);
  if (by === 'rank') return ranked;
  const last = (v: number | undefined, desc: boolean) => (v === undefined ? Infinity : desc ? -v : v);
  const key: Record<Exclude<PlanSort, 'rank' | 'owner'>, (r: PlanRow) => number> = {
    impact: (r) => last(r.impact, true),
    effort: (r) => last(r.effort, false),
    votes: (r) => -r.votes,
    status: (r) => STATUS_ORDER.indexOf(r.status),
    stage: (r) => r.stageIndex,
  };
  if (by === 'owner')
    return [...ranked].sort((a, b) =>
      a.owner === b.owner
        ? 0
        : a.owner === undefined
          ? 1
          : b.owner === undefined
            ? -1
            : collator.compare(a.owner, b.owner),
    );
  return [...ranked].sort((a, b) => key[by](a) - key[by](b));
}

export interface PlanFilter {
  /** An owner's name, '' for those without one; undefined for all. */
  owner?: string;
  status?: OpportunityStatus | 'none';
  /** A persona's name, '' for journeys without one. */
  persona?: string;
}

export function filterPlan(rows: readonly PlanRow[], f: PlanFilter): PlanRow[] {
  return rows.filter(
    (r) =>
      (f.owner === undefined || (r.owner ?? '') === f.owner) &&
      (f.status === undefined || (r.status ?? 'none') === f.status) &&
      (f.persona === undefined || (r.persona ?? '') === f.persona),
  );
}

/** The distinct values a filter offers, in the reader's order. */
export function planChoices(
  rows: readonly PlanRow[],
  collator: Intl.Collator,
): { owners: string[]; personas: string[] } {
  const distinct = (values: (string | null | undefined)[]) =>
    [...new Set(values.map((v) => v ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  return { owners: distinct(rows.map((r) => r.owner)), personas: distinct(rows.map((r) => r.persona)) };
}
