import { journeyRecords } from './journey-parts';
import type { CardRec, ConnectionRec, Id, JourneyRec, LaneRec, PersonaRec, StageRec, Workspace } from './types';

export interface JourneyParts {
  journey: JourneyRec;
  persona: PersonaRec | null;
  stages: StageRec[];
  lanes: LaneRec[];
  /** Sorted by stage, then lane, then order inside the cell. */
  cards: CardRec[];
  connections: ConnectionRec[];
}

export function journeyParts(ws: Workspace, journeyId: Id): JourneyParts | null {
  const journey = ws.journeys[journeyId];
  if (!journey) return null;
  const stages = journeyRecords(ws.stages, journeyId);
  const lanes = journeyRecords(ws.lanes, journeyId);
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const cards = journeyRecords(ws.cards, journeyId).sort(
    (a, b) =>
      (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
      (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0),
  );
  const persona = journey.personaId ? (ws.personas[journey.personaId] ?? null) : null;
  return { journey, persona, stages, lanes, cards, connections: journeyRecords(ws.connections, journeyId) };
}

export interface JourneySummary {
  journey: JourneyRec;
  persona: PersonaRec | null;
  stageCount: number;
  cardCount: number;
}

/**
 * Summaries are asked for again and again of the same workspace (a background render of a long
 * list restarts): each workspace value is summed up once.
 */
const summaryCache = new WeakMap<Workspace, JourneySummary[]>();

/** One pass over the workspace; newest change first. */
export function journeySummaries(ws: Workspace): JourneySummary[] {
  let cached = summaryCache.get(ws);
  if (!cached) summaryCache.set(ws, (cached = summarise(ws)));
  return cached;
}

function summarise(ws: Workspace): JourneySummary[] {
  const stageCount = new Map<Id, number>();
  const cardCount = new Map<Id, number>();
  for (const s of Object.values(ws.stages)) stageCount.set(s.journeyId, (stageCount.get(s.journeyId) ?? 0) + 1);
  for (const c of Object.values(ws.cards)) cardCount.set(c.journeyId, (cardCount.get(c.journeyId) ?? 0) + 1);
  return Object.values(ws.journeys)
    .map((journey) => ({
      journey,
      persona: journey.personaId ? (ws.personas[journey.personaId] ?? null) : null,
      stageCount: stageCount.get(journey.id) ?? 0,
      cardCount: cardCount.get(journey.id) ?? 0,
    }))
    .sort((a, b) => b.journey.updatedAt - a.journey.updatedAt || a.journey.title.localeCompare(b.journey.title));
}

/** Case- and accent-insensitive title filter. */
export function matchesFilter(title: string, filter: string): boolean {
  const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const f = norm(filter.trim());
  return f === '' || norm(title).includes(f);
}
