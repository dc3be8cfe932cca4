import { countParts, type JourneyCounts } from './journey-counts';
import { journeyRecords } from './journey-parts';
import { sortByOrder } from './order';
import type {
  CardRec,
  ConnectionRec,
  Id,
  JourneyRec,
  LaneKind,
  LaneRec,
  PersonaRec,
  StageRec,
  Workspace,
} from './types';

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
  return assemble(ws, journey, {
    stages: journeyRecords(ws.stages, journeyId),
    lanes: journeyRecords(ws.lanes, journeyId),
    cards: journeyRecords(ws.cards, journeyId),
    connections: journeyRecords(ws.connections, journeyId),
  });
}

/**
 * The parts of many journeys at once: one pass over each table instead of one per journey (the
 * action plan across fifty journeys would read every card fifty times). Journeys missing are left out.
 */
export function manyJourneyParts(ws: Workspace, journeyIds: readonly Id[]): JourneyParts[] {
  const wanted = new Map(journeyIds.flatMap((id) => (ws.journeys[id] ? [[id, emptyLists()]] : [])));
  const group = <K extends keyof Lists>(table: K) => {
    for (const rec of Object.values(ws[table]) as Lists[K]) {
      const lists = wanted.get(rec.journeyId);
      if (lists) (lists[table] as (typeof rec)[]).push(rec);
    }
  };
  group('stages');
  group('lanes');
  group('cards');
  group('connections');
  return [...wanted].map(([id, lists]) =>
    assemble(ws, ws.journeys[id]!, {
      stages: sortByOrder(lists.stages),
      lanes: sortByOrder(lists.lanes),
      cards: sortByOrder(lists.cards),
      connections: sortByOrder(lists.connections),
    }),
  );
}

type Lists = Pick<JourneyParts, 'stages' | 'lanes' | 'cards' | 'connections'>;
const emptyLists = (): Lists => ({ stages: [], lanes: [], cards: [], connections: [] });

/** Cards sorted by stage, then lane (each already in order), and the persona looked up. */
function assemble(ws: Workspace, journey: JourneyRec, lists: Lists): JourneyParts {
  const stageIndex = new Map(lists.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(lists.lanes.map((l, i) => [l.id, i]));
  const cards = lists.cards.sort(
    (a, b) =>
      (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
      (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0),
  );
  const persona = journey.personaId ? (ws.personas[journey.personaId] ?? null) : null;
  return { journey, persona, stages: lists.stages, lanes: lists.lanes, cards, connections: lists.connections };
}

export interface JourneySummary {
  journey: JourneyRec;
  persona: PersonaRec | null;
  stageCount: number;
  cardCount: number;
}

/** Counts stored for journeys whose parts are not in memory, by journey id. */
export type StoredCounts = Readonly<Record<Id, JourneyCounts>>;

/**
 * Summaries are asked for again and again of the same workspace (a background render of a long
 * list restarts): each workspace value is summed up once.
 */
const summaryCache = new WeakMap<Workspace, { stored: StoredCounts; list: JourneySummary[] }>();

/**
 * One pass over the workspace's loaded parts; a journey not loaded is counted by `stored`. Newest
 * change first.
 */
export function journeySummaries(ws: Workspace, stored: StoredCounts = {}): JourneySummary[] {
  const cached = summaryCache.get(ws);
  if (cached && cached.stored === stored) return cached.list;
  const list = summarise(ws, stored);
  summaryCache.set(ws, { stored, list });
  return list;
}

function summarise(ws: Workspace, stored: StoredCounts): JourneySummary[] {
  const live = countParts(ws);
  return Object.values(ws.journeys)
    .map((journey) => {
      const counts = stored[journey.id] ?? live.get(journey.id);
      return {
        journey,
        persona: journey.personaId ? (ws.personas[journey.personaId] ?? null) : null,
        stageCount: counts?.stages ?? 0,
        cardCount: counts?.cards ?? 0,
      };
    })
    .sort((a, b) => b.journey.updatedAt - a.journey.updatedAt || a.journey.title.localeCompare(b.journey.title));
}

/** Case- and accent-insensitive title filter. */
export function matchesFilter(title: string, filter: string): boolean {
  const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const f = norm(filter.trim());
  return f === '' || norm(title).includes(f);
}

/** A journey's cards of one lane kind, grouped by stage (in map order within each stage). */
export function cardsByStage(parts: Pick<JourneyParts, 'lanes' | 'cards'>, kind: LaneKind): Map<Id, CardRec[]> {
  const lanes = new Set(parts.lanes.filter((l) => l.kind === kind).map((l) => l.id));
  const map = new Map<Id, CardRec[]>();
  for (const card of parts.cards) {
    if (!lanes.has(card.laneId)) continue;
    const list = map.get(card.stageId);
    if (list) list.push(card);
    else map.set(card.stageId, [card]);
  }
  return map;
}
