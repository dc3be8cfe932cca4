import { fitCardToKind, validCardField } from './card-fields';
import { CONNECTION_KINDS, LANE_KINDS, LIMITS, type Id, type TableName, type Workspace } from './types';

/** What happened to a record another participant sent that broke the journey's rules. */
export type RemoteProblem = { table: TableName; id: Id; action: 'skipped' | 'repaired'; reason: string };

type Rec = Record<string, unknown>;

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => isText(v, LIMITS.idLength) && v.length > 0;
const CARD_BASE = new Set(['id', 'journeyId', 'stageId', 'laneId', 'order', 'title']);

/**
 * Checks a record received from a live session against the journey's rules before it is put
 * into the local workspace: a record that cannot be made sound (a card in a stage that does not
 * exist, a lane of an unknown kind) is skipped; one that can (a score of 7, a field its kind does
 * not have, an over-long title) is repaired. Either way the participant is told. `ws` is the
 * workspace as it will be with the other records of the same change, so a card may arrive with
 * its new stage.
 */
export function checkRemoteRecord(
  table: TableName,
  rec: Rec,
  ws: Workspace,
): { record: Rec | null; problem: RemoteProblem | null } {
  const id = typeof rec.id === 'string' ? rec.id : '';
  const skip = (reason: string) => ({ record: null, problem: { table, id, action: 'skipped' as const, reason } });
  if (!isId(rec.id)) return skip('id');
  const fixes: string[] = [];
  const out: Rec = { ...rec };
  if (table !== 'personas' && table !== 'journeys') {
    if (!isId(rec.journeyId) || !ws.journeys[rec.journeyId]) return skip('journey');
    if (typeof rec.order !== 'string') return skip('order');
  }
  switch (table) {
    case 'journeys':
      if (typeof rec.title !== 'string') return skip('title');
      if (rec.title.length > LIMITS.titleLength) {
        out.title = rec.title.slice(0, LIMITS.titleLength);
        fixes.push('title');
      }
      if (rec.personaId !== null && !(isId(rec.personaId) && ws.personas[rec.personaId])) {
        out.personaId = null;
        fixes.push('personaId');
      }
      break;
    case 'personas':
      if (!isText(rec.name, LIMITS.nameLength) || rec.name.trim() === '') return skip('name');
      break;
    case 'stages':
      if (!isText(rec.name, LIMITS.nameLength)) return skip('name');
      break;
    case 'lanes':
      if (!LANE_KINDS.includes(rec.kind as never)) return skip('kind');
      break;
    case 'cards': {
      const stage = isId(rec.stageId) ? ws.stages[rec.stageId] : undefined;
      const lane = isId(rec.laneId) ? ws.lanes[rec.laneId] : undefined;
      if (!stage || stage.journeyId !== rec.journeyId) return skip('stage');
      if (!lane || lane.journeyId !== rec.journeyId) return skip('lane');
      if (typeof rec.title !== 'string') return skip('title');
      for (const [field, value] of Object.entries(rec)) {
        if (CARD_BASE.has(field)) continue;
        if (!validCardField(field, value)) {
          delete out[field];
          fixes.push(field);
        }
      }
      if ((out.title as string).length > LIMITS.cardTitleLength) {
        out.title = (out.title as string).slice(0, LIMITS.cardTitleLength);
        fixes.push('title');
      }
      const before = JSON.stringify(out);
      fitCardToKind(out as never, lane.kind);
      if (JSON.stringify(out) !== before) fixes.push('kind');
      break;
    }
    case 'connections': {
      const from = isId(rec.from) ? ws.cards[rec.from] : undefined;
      const to = isId(rec.to) ? ws.cards[rec.to] : undefined;
      if (!from || !to || from.journeyId !== rec.journeyId || to.journeyId !== rec.journeyId || from === to)
        return skip('ends');
      if (rec.kind !== undefined && !CONNECTION_KINDS.includes(rec.kind as never)) {
        delete out.kind;
        fixes.push('kind');
      }
      if (rec.label !== undefined && !isText(rec.label, LIMITS.connectionLabelLength)) {
        delete out.label;
        fixes.push('label');
      }
      break;
    }
  }
  return {
    record: out,
    problem: fixes.length ? { table, id, action: 'repaired', reason: [...new Set(fixes)].join(', ') } : null,
  };
}
