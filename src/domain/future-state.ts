import { alignStages } from './compare';
import { DomainError, type Command } from './command';
import { duplicateJourney } from './journey-commands';
import { metricStatus, type MetricStatus } from './metrics';
import { cardsByStage, type JourneyParts } from './queries';
import type { CardRec, Id, JourneyState, Metric, Severity } from './types';

/**
 * A copy of a journey as its future state ("to-be" map), linked to it: the team redraws the copy
 * and Compare shows what would change.
 */
export function createFutureState(sourceId: Id, newId: Id, title: string): Command {
  const copy = duplicateJourney(sourceId, newId, title);
  return {
    name: 'createFutureState',
    run(draft, ctx) {
      copy.run(draft, ctx);
      const j = draft.journeys[newId]!;
      j.state = 'future';
      j.currentStateId = sourceId;
    },
  };
}

export function setJourneyState(journeyId: Id, state: JourneyState): Command {
  return {
    name: 'setJourneyState',
    run(draft, ctx) {
      const j = draft.journeys[journeyId];
      if (!j) throw new DomainError('journeyMissing');
      if (state === 'current') delete j.state;
      else j.state = state;
      j.updatedAt = ctx.now;
    },
  };
}

/** Which of two journeys is the current state of the other, when one is linked to the other. */
export function currentAndFuture(a: JourneyParts, b: JourneyParts): [JourneyParts, JourneyParts] | null {
  if (b.journey.currentStateId === a.journey.id) return [a, b];
  if (a.journey.currentStateId === b.journey.id) return [b, a];
  return null;
}

export interface MetricChange {
  metric: Metric;
  title: string;
  unit?: string;
  now?: number;
  nowTarget?: number;
  /** The future state's own figures: its value (expected) and target. */
  then?: number;
  thenTarget?: number;
  /** Whether the current value meets the future state's target (the gap still to close). */
  status: MetricStatus;
}

export interface StageChange {
  name: string;
  /** Whether each side has this stage: a stage added or dropped in the future state. */
  inCurrent: boolean;
  inFuture: boolean;
  emotionNow: number | null;
  emotionThen: number | null;
  /** Future minus current average score; null unless both sides have scores here. */
  emotionChange: number | null;
  painsRemoved: { title: string; severity?: Severity }[];
  painsAdded: { title: string; severity?: Severity }[];
  painsKept: number;
  metrics: MetricChange[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase();

const average = (cards: readonly CardRec[]) =>
  cards.length ? cards.reduce((sum, c) => sum + (c.score ?? 0), 0) / cards.length : null;

/**
 * What changes from a current-state journey to its future state, stage by stage (stages lined up
 * by name as in Compare): the emotion average, the pain points removed and added (matched by
 * title, ignoring case), and each metric's current figures against the future state's.
 */
export function stateDiff(current: JourneyParts, future: JourneyParts): StageChange[] {
  const alignment = alignStages([current, future]);
  const emotions = [cardsByStage(current, 'emotions'), cardsByStage(future, 'emotions')];
  const pains = [cardsByStage(current, 'painPoints'), cardsByStage(future, 'painPoints')];
  const metrics = [cardsByStage(current, 'metrics'), cardsByStage(future, 'metrics')];
  return alignment.stages.map((col) => {
    const [nowId, thenId] = col.stageIds as [Id | null, Id | null];
    const cards = (m: Map<Id, CardRec[]>, id: Id | null) => (id === null ? [] : (m.get(id) ?? []));
    const emotionNow = average(cards(emotions[0]!, nowId).filter((c) => c.score !== undefined));
    const emotionThen = average(cards(emotions[1]!, thenId).filter((c) => c.score !== undefined));
    const painsNow = cards(pains[0]!, nowId);
    const painsThen = cards(pains[1]!, thenId);
    const titlesNow = new Set(painsNow.map((c) => norm(c.title)));
    const titlesThen = new Set(painsThen.map((c) => norm(c.title)));
    const brief = (c: CardRec) => (c.severity ? { title: c.title, severity: c.severity } : { title: c.title });
    return {
      name: col.name,
      inCurrent: nowId !== null,
      inFuture: thenId !== null,
      emotionNow,
      emotionThen,
      emotionChange: emotionNow !== null && emotionThen !== null ? emotionThen - emotionNow : null,
      painsRemoved: painsNow.filter((c) => !titlesThen.has(norm(c.title))).map(brief),
      painsAdded: painsThen.filter((c) => !titlesNow.has(norm(c.title))).map(brief),
      painsKept: painsNow.filter((c) => titlesThen.has(norm(c.title))).length,
      metrics: metricChanges(cards(metrics[0]!, nowId), cards(metrics[1]!, thenId)),
    };
  });
}

/** Metrics matched by measure and title; one only in the future state is a new measure. */
function metricChanges(now: readonly CardRec[], then: readonly CardRec[]): MetricChange[] {
  const key = (c: CardRec) => `${c.metric}|${norm(c.title)}`;
  const thenByKey = new Map(then.map((c) => [key(c), c]));
  const seen = new Set<string>();
  const rows: MetricChange[] = [];
  for (const c of [...now, ...then]) {
    const k = key(c);
    if (seen.has(k)) continue;
    seen.add(k);
    const a = now.find((x) => key(x) === k);
    const b = thenByKey.get(k);
    const target = b?.target ?? a?.target;
    const row: MetricChange = {
      metric: c.metric ?? 'custom',
      title: c.title,
      status: metricStatus({ metric: c.metric, better: b?.better ?? a?.better, value: a?.value, target }),
    };
    if (c.unit !== undefined) row.unit = c.unit;
    if (a?.value !== undefined) row.now = a.value;
    if (a?.target !== undefined) row.nowTarget = a.target;
    if (b?.value !== undefined) row.then = b.value;
    if (b?.target !== undefined) row.thenTarget = b.target;
    rows.push(row);
  }
  return rows;
}
