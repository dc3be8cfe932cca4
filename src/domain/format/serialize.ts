import { journeyRecords } from '../journey-parts';
import { ALL_KIND_FIELDS, type CardRec, type Id, type PersonaRec, type Workspace } from '../types';
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
  'id', 'name', 'role', 'age', 'gender', 'location', 'bio', 'quote',
  'goals', 'frustrations', 'motivations', 'needs', 'tags', 'channels', 'color', 'avatar',
] as const;

export function personaToFile(p: PersonaRec): Json {
  return pick(p, PERSONA_KEYS);
}

function cardToFile(c: CardRec): Json {
  return pick(c, ['id', 'stageId', 'laneId', 'title', 'notes', 'evidence', ...ALL_KIND_FIELDS]);
}

export function journeyToFile(ws: Workspace, journeyId: Id): Json {
  const j = ws.journeys[journeyId];
  if (!j) throw new Error(`no journey ${journeyId}`);
  const mine = <T extends { journeyId: Id; order: string; id: string }>(table: Record<Id, T>) => journeyRecords(table, journeyId);
  return {
    ...pick(j, ['id', 'title', 'description', 'scenario', 'personaId', 'state']),
    stages: mine(ws.stages).map((s) => pick(s, ['id', 'name', 'description'])),
    lanes: mine(ws.lanes).map((l) => pick(l, ['id', 'kind', 'title'])),
    // Order keys follow the file's array order, so this is the order the cards were imported in.
    cards: mine(ws.cards).map(cardToFile),
    connections: mine(ws.connections).map((x) => pick(x, ['id', 'from', 'to', 'label', 'kind'])),
  };
}

/** A version-1 document with the journeys and every persona they name. */
export function exportDocument(ws: Workspace, journeyIds: readonly Id[], exportedAt: Date, extraPersonaIds: readonly Id[] = []): Json {
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
    journeys: journeyIds.map((id) => journeyToFile(ws, id)),
  };
}

export function serializeDocument(doc: Json): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
