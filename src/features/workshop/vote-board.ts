import type { SessionShare } from '../../app/session-share';
import type { JourneyParts } from '../../domain/queries';
import type { Id } from '../../domain/types';
import {
  dotsLeft,
  rankCounts,
  rankVote,
  roundTotals,
  spent,
  tallies,
  topCards,
  votable,
  voteRound,
  type Ballot,
  type VoteRow,
  type VoteSetup,
} from '../../domain/vote';
import { readVote } from './vote-share';

/** The open journey's vote as the map and the results panel draw it. */
export interface VoteBoard {
  journeyId: Id;
  setup: VoteSetup;
  /** Every card's dots and whose they are. */
  tally: ReadonlyMap<Id, { total: number; by: readonly Ballot[] }>;
  /** This person's dots, card by card. */
  mine: Readonly<Record<Id, number>>;
  spentMine: number;
  /** Dots this person may still spend (null: the solo facilitator's recording is not capped). */
  left: number | null;
  /** The cards voted on, best first. */
  rows: readonly VoteRow[];
  /**
   * Once the vote is closed: the cards ranked by their dots of every round of the journey, this
   * vote counted once whether or not its round is recorded yet (empty while the vote is open).
   */
  allRows: readonly VoteRow[];
  /** How many rounds `allRows` adds up. */
  rounds: number;
  /** Cards that stand out on the map once the vote is closed. */
  top: ReadonlySet<Id>;
  solo: boolean;
  share: SessionShare;
}

export function voteBoard(share: SessionShare, parts: JourneyParts): VoteBoard | null {
  const { setup, ballots } = readVote(share, parts.journey.id);
  if (!setup) return null;
  const kindOf = new Map(parts.lanes.map((l) => [l.id, l.kind]));
  const ids = new Set(parts.cards.filter((c) => votable(setup, kindOf.get(c.laneId)!)).map((c) => c.id));
  const own = ballots[share.voter().id];
  const rows = rankVote(setup, parts, ballots);
  const totals = setup.open ? null : roundTotals(parts.journey.voteRounds ?? [], voteRound(setup, rows, 0));
  return {
    journeyId: parts.journey.id,
    setup,
    tally: tallies(ballots, ids),
    mine: own?.dots ?? {},
    spentMine: spent(own),
    left: dotsLeft(setup, own, share.solo),
    rows,
    allRows: totals ? rankCounts(totals.kinds, parts, totals.all) : [],
    rounds: totals?.rounds ?? 0,
    top: setup.open ? new Set() : topCards(rows, setup.highlight),
    solo: share.solo,
    share,
  };
}
