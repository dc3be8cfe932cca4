import type { SessionShare } from '../../app/session-share';
import { BALLOT_PREFIX, VOTE_ENTRY } from '../../live/protocol';
import {
  castDot,
  takeDot,
  VOTE_DOTS_MAX,
  VOTE_DOTS_MIN,
  VOTE_KINDS,
  VOTE_PEOPLE_MAX,
  type Ballot,
  type Ballots,
  type VoteSetup,
} from '../../domain/vote';

const VOTE_KEY = VOTE_ENTRY;
const BALLOT = BALLOT_PREFIX;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * A vote's setup as shared: checked, since it comes from another participant's browser or from
 * local storage, and anything malformed counts as no vote rather than breaking the map.
 */
export function parseSetup(value: unknown): VoteSetup | null {
  if (!isObject(value)) return null;
  const { id, journeyId, kinds, dots, anonymous, people, open, highlight } = value;
  if (typeof id !== 'string' || typeof journeyId !== 'string') return null;
  if (
    !Array.isArray(kinds) ||
    kinds.length === 0 ||
    !kinds.every((k) => (VOTE_KINDS as readonly unknown[]).includes(k))
  )
    return null;
  if (!isCount(dots, VOTE_DOTS_MIN, VOTE_DOTS_MAX) || typeof anonymous !== 'boolean' || typeof open !== 'boolean')
    return null;
  if (!(people === null || isCount(people, 1, VOTE_PEOPLE_MAX)) || !isCount(highlight, 0, 1000)) return null;
  return { id, journeyId, kinds: kinds as VoteSetup['kinds'], dots, anonymous, people, open, highlight };
}

/** One person's dots as shared; dots for another vote (an earlier one) are not counted. */
export function parseBallot(value: unknown, voteId: string): Ballot | null {
  if (!isObject(value) || value.voteId !== voteId || !isObject(value.dots)) return null;
  const dots: Record<string, number> = {};
  for (const [cardId, n] of Object.entries(value.dots)) if (isCount(n, 1, 10_000)) dots[cardId] = n;
  return {
    name: typeof value.name === 'string' ? value.name.slice(0, 80) : '',
    color: typeof value.color === 'string' && /^#[0-9a-f]{6}$/i.test(value.color) ? value.color : '#777777',
    dots,
  };
}

export interface SharedVote {
  setup: VoteSetup | null;
  ballots: Ballots;
}

export function readVote(share: SessionShare, journeyId: string): SharedVote {
  const setup = parseSetup(share.read(VOTE_KEY));
  if (!setup || setup.journeyId !== journeyId) return { setup: null, ballots: {} };
  const ballots: Record<string, Ballot> = {};
  for (const [key, value] of share.entries(BALLOT)) {
    const ballot = parseBallot(value, setup.id);
    if (ballot) ballots[key.slice(BALLOT.length)] = ballot;
  }
  return { setup, ballots };
}

/** A new vote replaces the last one and its dots. */
export function startVote(share: SessionShare, setup: VoteSetup): void {
  const changes: Record<string, unknown> = { [VOTE_KEY]: setup };
  for (const [key] of share.entries(BALLOT)) changes[key] = undefined;
  share.write(changes);
}

/** Ends the vote (everyone's dots stay, for the results), or changes how many top cards stand out. */
export function updateVote(
  share: SessionShare,
  journeyId: string,
  change: Partial<Pick<VoteSetup, 'open' | 'highlight'>>,
) {
  const { setup } = readVote(share, journeyId);
  if (setup) share.write({ [VOTE_KEY]: { ...setup, ...change } });
}

/** The results put away: the map is back to normal. */
export function dismissVote(share: SessionShare): void {
  const changes: Record<string, unknown> = { [VOTE_KEY]: undefined };
  for (const [key] of share.entries(BALLOT)) changes[key] = undefined;
  share.write(changes);
}

/** This person's dot on a card, given or taken back: only their own entry is written. */
export function spendDot(share: SessionShare, journeyId: string, cardId: string, give: boolean): boolean {
  const { setup, ballots } = readVote(share, journeyId);
  if (!setup?.open) return false;
  const voter = share.voter();
  const own = ballots[voter.id] ?? { name: voter.name, color: voter.color, dots: {} };
  const next = give ? castDot(setup, own, cardId, share.solo) : takeDot(setup, own, cardId);
  if (next === own) return false;
  share.write({
    [BALLOT + voter.id]: { voteId: setup.id, name: voter.name, color: voter.color, dots: next.dots },
  });
  return true;
}
