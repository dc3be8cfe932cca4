import { fitCardToKind, validCardField } from './card-fields';
import { isSafeKey } from './ids';
import {
  CONNECTION_KINDS,
  LANE_KINDS,
  LIMITS,
  VOTE_KINDS,
  VOTE_ROUNDS_MAX,
  VOTE_TALLY_MAX,
  type Id,
  type TableName,
  type VoteKind,
  type VoteRound,
  type Workspace,
} from './types';

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
      if (rec.voteRounds !== undefined) {
        const { rounds, repaired } = checkVoteRounds(rec.voteRounds);
        if (rounds.length) out.voteRounds = rounds;
        else delete out.voteRounds;
        if (repaired) fixes.push('voteRounds');
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

/** At most this many cards' tallies are taken from a peer's round. */
const VOTE_TALLIES_MAX = 10_000;

const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const ROUND_FIELDS = ['id', 'closedAt', 'kinds', 'tallies'];

/** One round as sent, or null when any part of it is malformed; `exact` when nothing was left out. */
function checkVoteRound(value: unknown): { round: VoteRound; exact: boolean } | null {
  if (!isObject(value)) return null;
  const { id, closedAt, kinds, tallies } = value;
  if (!isId(id) || typeof closedAt !== 'number' || !Number.isFinite(closedAt)) return null;
  if (!Array.isArray(kinds) || kinds.length === 0 || kinds.length > VOTE_KINDS.length) return null;
  if (!kinds.every((k) => (VOTE_KINDS as readonly unknown[]).includes(k)) || new Set(kinds).size !== kinds.length)
    return null;
  if (!isObject(tallies)) return null;
  const entries = Object.entries(tallies);
  if (entries.length > VOTE_TALLIES_MAX) return null;
  const clean: Record<Id, number> = {};
  for (const [cardId, n] of entries) {
    if (!isId(cardId) || !isSafeKey(cardId)) return null;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > VOTE_TALLY_MAX) return null;
    clean[cardId] = n;
  }
  const exact = Object.keys(value).every((k) => ROUND_FIELDS.includes(k));
  return { round: { id, closedAt, kinds: [...kinds] as VoteKind[], tallies: clean }, exact };
}

/**
 * A journey's vote rounds as another participant sent them: rounds that are malformed (a kind
 * that cannot be voted on, a tally that is not a whole number from 0 to 10,000, a card id that
 * would name an object's built-in member, an id already used by an earlier round) are dropped, as
 * are the oldest beyond `VOTE_ROUNDS_MAX`, and unknown fields are left out. `repaired` says whether anything was.
 */
export function checkVoteRounds(value: unknown): { rounds: VoteRound[]; repaired: boolean } {
  if (!Array.isArray(value)) return { rounds: [], repaired: true };
  const sent: unknown[] = value;
  let repaired = sent.length > VOTE_ROUNDS_MAX;
  const rounds: VoteRound[] = [];
  const ids = new Set<Id>();
  for (const item of sent.slice(-VOTE_ROUNDS_MAX)) {
    const checked = checkVoteRound(item);
    if (!checked || ids.has(checked.round.id)) repaired = true;
    else {
      if (!checked.exact) repaired = true;
      ids.add(checked.round.id);
      rounds.push(checked.round);
    }
  }
  return { rounds, repaired };
}
