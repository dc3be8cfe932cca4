import { DomainError, touchJourney, type Command } from './command';
import type { JourneyParts } from './queries';
import {
  VOTE_KINDS,
  VOTE_ROUNDS_MAX,
  VOTE_TALLY_MAX,
  type CardRec,
  type Id,
  type LaneKind,
  type VoteKind,
  type VoteRound,
} from './types';

/** What a vote is on: the cards of these lane kinds. */
export { VOTE_KINDS, type VoteKind };
export const VOTE_DOTS_MIN = 1;
export const VOTE_DOTS_MAX = 10;
export const VOTE_PEOPLE_MAX = 200;

/** A dot vote as the facilitator set it up; shared with the room in a live session. */
export interface VoteSetup {
  id: string;
  journeyId: Id;
  kinds: readonly VoteKind[];
  /** Dots each person may spend. */
  dots: number;
  /** Tallies hidden (each sees only their own dots) until the vote closes. */
  anonymous: boolean;
  /**
   * Alone, the facilitator records the room's dots: with the room's head count the room may
   * spend `dots × people`; without it the facilitator's recording is not capped.
   */
  people: number | null;
  open: boolean;
  /** Once closed: how many of the top cards are highlighted on the map (0: none). */
  highlight: number;
}

/** One person's dots: card id → how many of their dots sit on it. */
export interface Ballot {
  name: string;
  color: string;
  dots: Readonly<Record<Id, number>>;
}

export type Ballots = Readonly<Record<string, Ballot>>;

export function newVote(input: Omit<VoteSetup, 'open' | 'highlight'>): VoteSetup {
  if (input.kinds.length === 0) throw new DomainError('voteKinds');
  if (!Number.isInteger(input.dots) || input.dots < VOTE_DOTS_MIN || input.dots > VOTE_DOTS_MAX)
    throw new DomainError('voteDots');
  if (input.people !== null && (!Number.isInteger(input.people) || input.people < 1 || input.people > VOTE_PEOPLE_MAX))
    throw new DomainError('votePeople');
  return { ...input, kinds: [...new Set(input.kinds)], open: true, highlight: 0 };
}

/** The dots one voter may spend in all (null: not capped). */
function allowance(vote: VoteSetup, solo: boolean): number | null {
  if (!solo) return vote.dots;
  return vote.people === null ? null : vote.dots * vote.people;
}

export const spent = (ballot: Ballot | undefined): number =>
  Object.values(ballot?.dots ?? {}).reduce((sum, n) => sum + n, 0);

/** Dots still to spend (null: not capped). */
export function dotsLeft(vote: VoteSetup, ballot: Ballot | undefined, solo: boolean): number | null {
  const all = allowance(vote, solo);
  return all === null ? null : Math.max(0, all - spent(ballot));
}

export const votable = (vote: VoteSetup, kind: LaneKind): boolean => (vote.kinds as readonly string[]).includes(kind);

/** One more dot on a card, or the same ballot when none is left or the vote is closed. */
export function castDot(vote: VoteSetup, ballot: Ballot, cardId: Id, solo: boolean): Ballot {
  const left = dotsLeft(vote, ballot, solo);
  if (!vote.open || left === 0) return ballot;
  return { ...ballot, dots: { ...ballot.dots, [cardId]: (ballot.dots[cardId] ?? 0) + 1 } };
}

/** One dot back from a card. */
export function takeDot(vote: VoteSetup, ballot: Ballot, cardId: Id): Ballot {
  const n = ballot.dots[cardId] ?? 0;
  if (!vote.open || n === 0) return ballot;
  const dots = { ...ballot.dots };
  if (n === 1) delete dots[cardId];
  else dots[cardId] = n - 1;
  return { ...ballot, dots };
}

/** Every card's dots, and whose they are (in ballot order), over the cards that still exist. */
export function tallies(ballots: Ballots, cardIds: ReadonlySet<Id>): Map<Id, { total: number; by: Ballot[] }> {
  const out = new Map<Id, { total: number; by: Ballot[] }>();
  for (const ballot of Object.values(ballots))
    for (const [cardId, n] of Object.entries(ballot.dots)) {
      if (!cardIds.has(cardId) || !Number.isInteger(n) || n <= 0) continue;
      const row = out.get(cardId) ?? { total: 0, by: [] };
      row.total += n;
      for (let i = 0; i < n; i++) row.by.push(ballot);
      out.set(cardId, row);
    }
  return out;
}

export interface VoteRow {
  card: CardRec;
  kind: VoteKind;
  votes: number;
  rank: number;
}

const SEVERITY_WEIGHT = { high: 3, medium: 2, low: 1 } as const;

/**
 * The cards voted on, best first: most votes, then (a tie) the more severe pain point or the
 * opportunity of more impact and, of equal weight, the pain point, then the opportunity of less
 * effort; then map order. Cards that tie on
 * every count share a rank.
 */
export function rankVote(vote: VoteSetup, parts: JourneyParts, ballots: Ballots): VoteRow[] {
  const kindOf = new Map(parts.lanes.map((l) => [l.id, l.kind]));
  const ids = new Set(parts.cards.filter((c) => votable(vote, kindOf.get(c.laneId)!)).map((c) => c.id));
  const counts = new Map([...tallies(ballots, ids)].map(([id, row]) => [id, row.total]));
  return rankCounts(vote.kinds, parts, counts);
}

/** The cards of these kinds ranked as `rankVote` ranks them, by the dots given in `counts`. */
export function rankCounts(
  kinds: readonly VoteKind[],
  parts: JourneyParts,
  counts: ReadonlyMap<Id, number>,
): VoteRow[] {
  const kindOf = new Map(parts.lanes.map((l) => [l.id, l.kind]));
  const stageIndex = new Map(parts.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(parts.lanes.map((l, i) => [l.id, i]));
  const cards = parts.cards.filter((c) => (kinds as readonly string[]).includes(kindOf.get(c.laneId)!));
  const weight = (c: CardRec) => (c.severity ? SEVERITY_WEIGHT[c.severity] : (c.impact ?? 0));
  // Of equal weight, the cheaper fix first; a pain point has no effort to weigh, an opportunity
  // without one is taken as the dearest.
  const effort = (c: CardRec, kind: VoteKind) => (kind === 'painPoints' ? 0 : (c.effort ?? 4));
  const rows = cards.map((card) => ({
    card,
    kind: kindOf.get(card.laneId) as VoteKind,
    votes: counts.get(card.id) ?? 0,
    rank: 0,
  }));
  const key = (r: (typeof rows)[number]) => [-r.votes, -weight(r.card), effort(r.card, r.kind)];
  const place = (r: (typeof rows)[number]) => [
    stageIndex.get(r.card.stageId) ?? 0,
    laneIndex.get(r.card.laneId) ?? 0,
    r.card.order,
  ];
  rows.sort((a, b) => compareKeys([...key(a), ...place(a)], [...key(b), ...place(b)]));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && compareKeys(key(prev), key(r)) === 0 ? prev.rank : i + 1;
  });
  return rows;
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A closed vote as a round of the journey: the dots of every card that got any. */
export function voteRound(
  vote: Pick<VoteSetup, 'id' | 'kinds'>,
  rows: readonly VoteRow[],
  closedAt: number,
): VoteRound {
  const tallies: Record<Id, number> = {};
  for (const row of rows) if (row.votes > 0) tallies[row.card.id] = Math.min(row.votes, VOTE_TALLY_MAX);
  return { id: vote.id, closedAt, kinds: [...vote.kinds], tallies };
}

/**
 * A closed vote written into the journey as one undo step: the round is added to the journey's
 * `voteRounds`, and each opportunity's dots of this round are added to its `votes`, so a card
 * without dots this round keeps the count it had. Pain points have no `votes` field in the
 * journey format: their dots are kept in the rounds only. A round already recorded (the same
 * vote closed twice) changes nothing.
 */
export function recordVotes(journeyId: Id, vote: Pick<VoteSetup, 'id' | 'kinds'>, rows: readonly VoteRow[]): Command {
  return {
    name: 'recordVotes',
    run(draft, ctx) {
      const journey = draft.journeys[journeyId];
      if (!journey) throw new DomainError('journeyMissing');
      const rounds = journey.voteRounds ?? [];
      if (rounds.some((r) => r.id === vote.id)) return;
      const mine = rows.filter((r) => draft.cards[r.card.id]?.journeyId === journeyId);
      const round = voteRound(vote, mine, ctx.now);
      // A new list rather than a push: one patch on the field, which storage and a live room
      // write as one value. The oldest rounds beyond the limit go (the votes they added stay).
      journey.voteRounds = [...rounds, round].slice(-VOTE_ROUNDS_MAX);
      for (const row of mine) {
        const dots = round.tallies[row.card.id];
        if (row.kind !== 'opportunities' || dots === undefined) continue;
        const card = draft.cards[row.card.id]!;
        card.votes = Math.min((card.votes ?? 0) + dots, Number.MAX_SAFE_INTEGER);
      }
      touchJourney(draft, journeyId, ctx.now);
    },
  };
}

/** Each card's dots in the last round and in all rounds together. */
export interface RoundTotals {
  last: Map<Id, number>;
  all: Map<Id, number>;
  /** The kinds voted on in any round. */
  kinds: VoteKind[];
  rounds: number;
}

/**
 * Per-card totals of the journey's rounds; `current`, the vote on screen, counts as the last
 * round when it is not recorded yet (its results can show before its round reaches this copy
 * of the journey, in a live room).
 */
export function roundTotals(rounds: readonly VoteRound[], current?: VoteRound): RoundTotals {
  const all = [...rounds];
  if (current && !rounds.some((r) => r.id === current.id)) all.push(current);
  const sum = new Map<Id, number>();
  const kinds = new Set<VoteKind>();
  for (const round of all) {
    for (const kind of round.kinds) kinds.add(kind);
    for (const [id, n] of Object.entries(round.tallies)) sum.set(id, (sum.get(id) ?? 0) + n);
  }
  const lastRound = current ?? all[all.length - 1];
  return {
    last: new Map(Object.entries(lastRound?.tallies ?? {})),
    all: sum,
    kinds: VOTE_KINDS.filter((k) => kinds.has(k)),
    rounds: all.length,
  };
}

/** The cards of the top `n` ranks (ties at the edge included); none before any vote is cast. */
export function topCards(rows: readonly VoteRow[], n: number): Set<Id> {
  return new Set(rows.filter((r) => r.votes > 0 && r.rank <= n).map((r) => r.card.id));
}
