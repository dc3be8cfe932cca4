import { DomainError, touchJourney, type Command } from './command';
import type { JourneyParts } from './queries';
import type { CardRec, Id, LaneKind } from './types';

/** What a vote is on: the cards of these lane kinds. */
export const VOTE_KINDS = ['painPoints', 'opportunities'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
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
  const stageIndex = new Map(parts.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(parts.lanes.map((l, i) => [l.id, i]));
  const cards = parts.cards.filter((c) => votable(vote, kindOf.get(c.laneId)!));
  const counts = tallies(ballots, new Set(cards.map((c) => c.id)));
  const weight = (c: CardRec) => (c.severity ? SEVERITY_WEIGHT[c.severity] : (c.impact ?? 0));
  // Of equal weight, the cheaper fix first; a pain point has no effort to weigh, an opportunity
  // without one is taken as the dearest.
  const effort = (c: CardRec, kind: VoteKind) => (kind === 'painPoints' ? 0 : (c.effort ?? 4));
  const rows = cards.map((card) => ({
    card,
    kind: kindOf.get(card.laneId) as VoteKind,
    votes: counts.get(card.id)?.total ?? 0,
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

/**
 * The vote's totals written into the journey: an opportunity's `votes` becomes its total (0
 * included: the vote replaces an earlier count). Pain points have no `votes` field in the journey
 * format, so their totals stay in the vote's results. One command: one undo step.
 */
export function recordVotes(journeyId: Id, rows: readonly VoteRow[]): Command {
  return {
    name: 'recordVotes',
    run(draft, ctx) {
      let changed = false;
      for (const row of rows) {
        if (row.kind !== 'opportunities') continue;
        const card = draft.cards[row.card.id];
        if (!card || card.journeyId !== journeyId || card.votes === row.votes) continue;
        card.votes = row.votes;
        changed = true;
      }
      if (changed) touchJourney(draft, journeyId, ctx.now);
    },
  };
}

/** The cards of the top `n` ranks (ties at the edge included); none before any vote is cast. */
export function topCards(rows: readonly VoteRow[], n: number): Set<Id> {
  return new Set(rows.filter((r) => r.votes > 0 && r.rank <= n).map((r) => r.card.id));
}
