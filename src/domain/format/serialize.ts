import { journeyRecords } from '../journey-parts';
import { sortByOrder } from '../order';
import {
  ALL_KIND_FIELDS,
  JOURNEY_PART_TABLES,
  type CardRec,
  type ConnectionRec,
  type Id,
  type JourneyPartTable,
  type LaneRec,
  type PersonaRec,
  type StageRec,
  type Workspace,
} from '../types';
import { CURRENT_FORMAT_VERSION } from './migrate';

type Json = Record<string, unknown>;

/** Copies the listed keys that are set; empty lists are left out, as the format defaults them. */
function pick(source: object, keys: readonly string[]): Json {
  const out: Json = {};
  const rec = source as Json;
  for (const k of keys) {
    const value = rec[k];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[k] = value;
  }
  return out;
}

const PERSONA_KEYS = [
  'id',
  'name',
  'role',
  'age',
  'gender',
  'location',
  'bio',
  'quote',
  'goals',
  'frustrations',
  'motivations',
  'needs',
  'tags',
  'channels',
  'color',
  'avatar',
] as const;

export function personaToFile(p: PersonaRec): Json {
  return pick(p, PERSONA_KEYS);
}

/**
 * A KPI link is written only while it names a metric card of the journey: deleting or moving that
 * card leaves the link in place (so undo restores it), and the file must still import.
 */
function cardToFile(c: CardRec, metricCards: ReadonlySet<Id>): Json {
  const out = pick(c, ['id', 'stageId', 'laneId', 'title', 'notes', 'evidence', ...ALL_KIND_FIELDS]);
  if (c.kpiCardId !== undefined && !metricCards.has(c.kpiCardId)) delete out.kpiCardId;
  return out;
}

type Part = { journeyId: Id; order: string; id: string };

/** Every journey's parts, found in one pass over each table (one scan per journey was quadratic). */
export class PartsIndex {
  private readonly byJourney = new Map<string, Part[]>();
  constructor(ws?: Workspace) {
    if (ws)
      for (const table of JOURNEY_PART_TABLES)
        for (const rec of Object.values(ws[table]) as Part[]) this.add(table, rec);
  }
  add(table: JourneyPartTable, rec: Part): void {
    const key = `${table}/${rec.journeyId}`;
    const list = this.byJourney.get(key);
    if (list) list.push(rec);
    else this.byJourney.set(key, [rec]);
  }
  of<T extends Part>(table: JourneyPartTable, journeyId: Id): T[] {
    return sortByOrder([...((this.byJourney.get(`${table}/${journeyId}`) ?? []) as T[])]);
  }
}

export function journeyToFile(ws: Workspace, journeyId: Id, index?: PartsIndex): Json {
  const j = ws.journeys[journeyId];
  if (!j) throw new Error(`no journey ${journeyId}`);
  const mine = <T extends Part>(table: JourneyPartTable): T[] =>
    index ? index.of<T>(table, journeyId) : journeyRecords(ws[table] as unknown as Record<Id, T>, journeyId);
  const lanes = mine<LaneRec>('lanes');
  const cards = mine<CardRec>('cards');
  const metricLanes = new Set(lanes.filter((l) => l.kind === 'metrics').map((l) => l.id));
  const metricCards = new Set(cards.filter((c) => metricLanes.has(c.laneId)).map((c) => c.id));
  return {
    ...pick(j, ['id', 'title', 'description', 'scenario', 'personaId', 'state', 'currentStateId']),
    stages: mine<StageRec>('stages').map((s) => pick(s, ['id', 'name', 'description'])),
    lanes: lanes.map((l) => pick(l, ['id', 'kind', 'title'])),
    // Order keys follow the file's array order, so this is the order the cards were imported in.
    cards: cards.map((c) => cardToFile(c, metricCards)),
    connections: mine<ConnectionRec>('connections').map((x) => pick(x, ['id', 'from', 'to', 'label', 'kind'])),
  };
}

function documentHead(
  ws: Workspace,
  journeyIds: readonly Id[],
  exportedAt: Date,
  extraPersonaIds: readonly Id[],
): Json {
  const personaIds = new Set<Id>(extraPersonaIds);
  for (const id of journeyIds) {
    const pid = ws.journeys[id]?.personaId;
    if (pid && ws.personas[pid]) personaIds.add(pid);
  }
  return {
    format: 'journey-canvas',
    version: CURRENT_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    personas: [...personaIds].map((id) => personaToFile(ws.personas[id]!)),
  };
}

/** A version-1 document with the journeys and every persona they name. */
export function exportDocument(
  ws: Workspace,
  journeyIds: readonly Id[],
  exportedAt: Date,
  extraPersonaIds: readonly Id[] = [],
): Json {
  const index = journeyIds.length > 1 ? new PartsIndex(ws) : undefined;
  return {
    ...documentHead(ws, journeyIds, exportedAt, extraPersonaIds),
    journeys: journeyIds.map((id) => journeyToFile(ws, id, index)),
  };
}

export function serializeDocument(doc: Json): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * The same text as `serializeDocument(exportDocument(…))`, in pieces: the head, then one journey
 * at a time, so a caller can let the page breathe between them (a 40 MB workspace took 14 s in
 * one go). Joined, the pieces are the file.
 */
export function* documentPieces(
  ws: Workspace,
  journeyIds: readonly Id[],
  exportedAt: Date,
  extraPersonaIds: readonly Id[] = [],
): Generator<string> {
  const head = JSON.stringify(documentHead(ws, journeyIds, exportedAt, extraPersonaIds), null, 2);
  if (journeyIds.length === 0) {
    yield `${head.slice(0, -2)},\n  "journeys": []\n}\n`;
    return;
  }
  yield `${head.slice(0, -2)},\n  "journeys": [\n`;
  // The index is built a few thousand records at a time: an empty piece is a chance to pause.
  const index = new PartsIndex();
  let n = 0;
  for (const table of JOURNEY_PART_TABLES) {
    for (const rec of Object.values(ws[table]) as Part[]) {
      index.add(table, rec);
      if (++n % 5000 === 0) yield '';
    }
  }
  for (let i = 0; i < journeyIds.length; i++) {
    const text = JSON.stringify(journeyToFile(ws, journeyIds[i]!, index), null, 2).replace(/\n/g, '\n    ');
    yield `    ${text}${i < journeyIds.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}
