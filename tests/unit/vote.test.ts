import { describe, expect, it } from 'vitest';
import { localShare } from '../../src/app/session-share';
import { journeyParts } from '../../src/domain/queries';
import { exportDocument } from '../../src/domain/format/serialize';
import { duplicateJourney } from '../../src/domain/journey-commands';
import { createFutureState } from '../../src/domain/future-state';
import { checkRemoteRecord, checkVoteRounds } from '../../src/domain/remote-records';
import { VOTE_ROUNDS_MAX, type VoteRound } from '../../src/domain/types';
import {
  castDot,
  newVote,
  rankCounts,
  rankVote,
  recordVotes,
  roundTotals,
  takeDot,
  topCards,
  type Ballot,
  type Ballots,
} from '../../src/domain/vote';
import { dismissVote, readVote, spendDot, startVote, updateVote } from '../../src/features/workshop/vote-share';
import { storeWith } from '../helpers/workspace';

const FILE = JSON.stringify({
  format: 'journey-canvas',
  version: 1,
  journeys: [
    {
      id: 'j',
      title: 'Parcel',
      stages: [
        { id: 's1', name: 'Order' },
        { id: 's2', name: 'Delivery' },
      ],
      lanes: [
        { id: 'lp', kind: 'painPoints' },
        { id: 'lo', kind: 'opportunities' },
        { id: 'la', kind: 'actions' },
      ],
      cards: [
        { id: 'p-low', stageId: 's1', laneId: 'lp', title: 'Slow page', severity: 'low' },
        { id: 'p-high', stageId: 's2', laneId: 'lp', title: 'Parcel lost', severity: 'high' },
        { id: 'o-easy', stageId: 's2', laneId: 'lo', title: 'Live tracking', impact: 3, effort: 1, votes: 9 },
        { id: 'o-hard', stageId: 's2', laneId: 'lo', title: 'Own couriers', impact: 3, effort: 3 },
        { id: 'a', stageId: 's1', laneId: 'la', title: 'Orders' },
      ],
    },
  ],
});

const setup = (over: Partial<Parameters<typeof newVote>[0]> = {}) =>
  newVote({
    id: 'v1',
    journeyId: 'j',
    kinds: ['painPoints', 'opportunities'],
    dots: 3,
    anonymous: false,
    people: null,
    ...over,
  });
const ballot = (dots: Record<string, number>): Ballot => ({ name: 'A', color: '#2e86ab', dots });

describe('dot voting', () => {
  it('lets a person spend exactly their dots, stack them, and take one back', () => {
    const vote = setup();
    let b = ballot({});
    for (const id of ['p-low', 'p-low', 'o-easy', 'o-hard']) b = castDot(vote, b, id, false);
    expect(b.dots).toEqual({ 'p-low': 2, 'o-easy': 1 }); // the fourth dot is refused
    b = takeDot(vote, b, 'p-low');
    b = castDot(vote, b, 'o-hard', false);
    expect(b.dots).toEqual({ 'p-low': 1, 'o-easy': 1, 'o-hard': 1 });
    expect(takeDot(vote, ballot({}), 'p-low').dots).toEqual({});
    // A closed vote takes no more dots.
    expect(castDot({ ...vote, open: false }, ballot({}), 'a', false).dots).toEqual({});
  });

  it('caps a solo facilitator by the head count, and not at all without one', () => {
    let b = ballot({});
    for (let i = 0; i < 7; i++) b = castDot(setup({ people: 2 }), b, 'p-low', true);
    expect(b.dots['p-low']).toBe(6);
    for (let i = 0; i < 40; i++) b = castDot(setup(), b, 'o-easy', true);
    expect(b.dots['o-easy']).toBe(40);
  });

  it('refuses a setup outside its ranges', () => {
    expect(() => setup({ dots: 0 })).toThrow('voteDots');
    expect(() => setup({ dots: 11 })).toThrow('voteDots');
    expect(() => setup({ dots: 2.5 })).toThrow('voteDots');
    expect(() => setup({ kinds: [] })).toThrow('voteKinds');
    expect(() => setup({ people: 0 })).toThrow('votePeople');
  });

  it('ranks by votes, then severity or impact and effort, sharing a rank on a full tie', () => {
    const parts = journeyParts(storeWith(FILE).getDoc(), 'j')!;
    const rows = rankVote(setup(), parts, {
      a: ballot({ 'p-low': 2, 'o-hard': 1 }),
      b: { ...ballot({ 'o-easy': 1, 'p-high': 1, a: 3 }), name: 'B' },
    });
    expect(rows.map((r) => [r.card.id, r.votes, r.rank])).toEqual([
      ['p-low', 2, 1],
      ['p-high', 1, 2], // high severity weighs as much as impact 3, and comes before what costs effort
      ['o-easy', 1, 3],
      ['o-hard', 1, 4],
    ]);
    // Actions were not voted on: their dots count for nothing.
    expect(rows.some((r) => r.card.id === 'a')).toBe(false);
    expect([...topCards(rows, 2)]).toEqual(['p-low', 'p-high']);
    expect(topCards(rankVote(setup(), parts, {}), 3).size).toBe(0);
  });

  it('adds the opportunities’ dots to `votes` and keeps the round, as one undo step, never a pain point’s votes', () => {
    const store = storeWith(FILE);
    const rows = rankVote(setup(), journeyParts(store.getDoc(), 'j')!, { a: ballot({ 'o-hard': 2, 'p-high': 1 }) });
    store.dispatch(recordVotes('j', setup(), rows));
    const cards = store.getDoc().cards;
    // A card without dots this round keeps its count (o-easy had 9).
    expect([cards['o-hard']!.votes, cards['o-easy']!.votes, cards['p-high']!.votes]).toEqual([2, 9, undefined]);
    expect(store.getDoc().journeys.j!.voteRounds).toEqual([
      {
        id: 'v1',
        closedAt: expect.any(Number) as number,
        kinds: ['painPoints', 'opportunities'],
        tallies: { 'o-hard': 2, 'p-high': 1 },
      },
    ]);
    store.undo('j');
    expect([store.getDoc().cards['o-hard']!.votes, store.getDoc().cards['o-easy']!.votes]).toEqual([undefined, 9]);
    expect(store.getDoc().journeys.j!.voteRounds).toBeUndefined();
  });
});

/** Closes a vote on the store's journey `j` with these ballots, as `Close vote` does. */
function closeRound(store: ReturnType<typeof storeWith>, id: string, ballots: Ballots) {
  const vote = setup({ id });
  return store.dispatch(recordVotes('j', vote, rankVote(vote, journeyParts(store.getDoc(), 'j')!, ballots)));
}

describe('vote rounds', () => {
  it('accumulate: each round adds its dots to what the rounds before gave', () => {
    const store = storeWith(FILE);
    closeRound(store, 'v1', { a: ballot({ 'o-hard': 2, 'o-easy': 1, 'p-low': 3 }) });
    closeRound(store, 'v2', { a: ballot({ 'o-hard': 3, 'p-low': 1 }) });
    const { cards, journeys } = store.getDoc();
    expect([cards['o-hard']!.votes, cards['o-easy']!.votes]).toEqual([5, 10]);
    expect(journeys.j!.voteRounds!.map((r) => [r.id, r.tallies])).toEqual([
      ['v1', { 'o-hard': 2, 'o-easy': 1, 'p-low': 3 }],
      ['v2', { 'o-hard': 3, 'p-low': 1 }],
    ]);
    // The rounds are not part of the journey file; the votes they added are.
    const file = JSON.stringify(exportDocument(store.getDoc(), ['j'], new Date(0)));
    expect(file).not.toContain('voteRounds');
    expect(file).toContain('"votes":5');
    // The same vote recorded twice (Close pressed on two screens) counts once.
    expect(closeRound(store, 'v2', { a: ballot({ 'o-hard': 3 }) }).patches).toEqual([]);
    expect(store.getDoc().cards['o-hard']!.votes).toBe(5);
  });

  it('never lowers a count when a round closes with no dots, and undo takes back the round and its votes together', () => {
    const store = storeWith(FILE);
    closeRound(store, 'v1', { a: ballot({ 'o-hard': 4 }) });
    closeRound(store, 'v2', {});
    expect([store.getDoc().cards['o-hard']!.votes, store.getDoc().cards['o-easy']!.votes]).toEqual([4, 9]);
    expect(store.getDoc().journeys.j!.voteRounds!.map((r) => [r.id, r.tallies])).toEqual([
      ['v1', { 'o-hard': 4 }],
      ['v2', {}],
    ]);
    closeRound(store, 'v3', { a: ballot({ 'o-hard': 1, 'o-easy': 2 }) });
    expect(store.undo('j')).toBe(true);
    expect([store.getDoc().cards['o-hard']!.votes, store.getDoc().cards['o-easy']!.votes]).toEqual([4, 9]);
    expect(store.getDoc().journeys.j!.voteRounds!.map((r) => r.id)).toEqual(['v1', 'v2']);
    store.undo('j');
    store.undo('j');
    expect(store.getDoc().cards['o-hard']!.votes).toBeUndefined();
    expect(store.getDoc().journeys.j!.voteRounds).toBeUndefined();
    store.redo('j');
    expect(store.getDoc().journeys.j!.voteRounds!.map((r) => r.id)).toEqual(['v1']);
    expect(store.getDoc().cards['o-hard']!.votes).toBe(4);
  });

  it('keeps at most the latest rounds, the votes of the dropped ones staying counted', () => {
    const store = storeWith(FILE);
    for (let i = 0; i <= VOTE_ROUNDS_MAX; i++) closeRound(store, `v${i}`, { a: ballot({ 'o-hard': 1 }) });
    const rounds = store.getDoc().journeys.j!.voteRounds!;
    expect(rounds.length).toBe(VOTE_ROUNDS_MAX);
    expect(rounds[0]!.id).toBe('v1');
    expect(store.getDoc().cards['o-hard']!.votes).toBe(VOTE_ROUNDS_MAX + 1);
  });

  it('give every card’s totals of the last round and of all rounds, pain points included', () => {
    const round = (id: string, tallies: Record<string, number>, kinds: VoteRound['kinds'] = ['opportunities']) => ({
      id,
      closedAt: 1,
      kinds,
      tallies,
    });
    const rounds = [
      round('v1', { 'p-low': 2, 'o-hard': 1 }, ['painPoints', 'opportunities']),
      round('v2', { 'o-hard': 3 }),
    ];
    const recorded = roundTotals(rounds);
    expect(Object.fromEntries(recorded.all)).toEqual({ 'p-low': 2, 'o-hard': 4 });
    expect(Object.fromEntries(recorded.last)).toEqual({ 'o-hard': 3 });
    expect([recorded.kinds, recorded.rounds]).toEqual([['painPoints', 'opportunities'], 2]);
    // The vote on screen counts once: added while its round is not recorded yet, not again once it is.
    const current = round('v3', { 'o-easy': 2 });
    expect(Object.fromEntries(roundTotals(rounds, current).all)).toEqual({ 'p-low': 2, 'o-hard': 4, 'o-easy': 2 });
    expect(Object.fromEntries(roundTotals(rounds, current).last)).toEqual({ 'o-easy': 2 });
    expect(roundTotals([...rounds, current], current).rounds).toBe(3);
    expect(Object.fromEntries(roundTotals([...rounds, current], current).all)).toEqual(
      Object.fromEntries(roundTotals(rounds, current).all),
    );
    expect(roundTotals([]).rounds).toBe(0);

    const parts = journeyParts(storeWith(FILE).getDoc(), 'j')!;
    const totals = roundTotals(rounds, current);
    expect(rankCounts(totals.kinds, parts, totals.all).map((r) => [r.card.id, r.votes, r.rank])).toEqual([
      ['o-hard', 4, 1],
      ['o-easy', 2, 2], // a tie on votes: impact 3 weighs more than a low pain point
      ['p-low', 2, 3],
      ['p-high', 0, 4],
    ]);
  });
});

describe('vote rounds of a copied journey', () => {
  it('follow the copied cards, and leave out the cards not copied', () => {
    const store = storeWith(FILE);
    closeRound(store, 'v1', { a: ballot({ 'o-hard': 2, 'p-low': 1 }) });
    closeRound(store, 'v2', { a: ballot({ 'p-high': 3 }) });
    store.dispatch(duplicateJourney('j', 'copy', 'Copy'));
    const doc = store.getDoc();
    const copyOf = (id: string) =>
      Object.values(doc.cards).find((c) => c.journeyId === 'copy' && c.title === doc.cards[id]!.title)!.id;
    expect(doc.journeys.copy!.voteRounds!.map((r) => r.tallies)).toEqual([
      { [copyOf('o-hard')]: 2, [copyOf('p-low')]: 1 },
      { [copyOf('p-high')]: 3 },
    ]);
    // The source keeps its own.
    expect(doc.journeys.j!.voteRounds![0]!.tallies).toEqual({ 'o-hard': 2, 'p-low': 1 });

    // A copy of some lanes only: a round left with no card of the copy goes.
    store.dispatch(duplicateJourney('j', 'ops', 'Opportunities', { only: ['opportunities'] }));
    const ops = store.getDoc().journeys.ops!.voteRounds!;
    expect(ops.map((r) => [r.id, Object.values(r.tallies)])).toEqual([['v1', [2]]]);
    store.dispatch(duplicateJourney('j', 'acts', 'Actions', { only: ['actions'] }));
    expect(store.getDoc().journeys.acts!.voteRounds).toBeUndefined();

    store.dispatch(createFutureState('j', 'future', 'Future'));
    const future = store.getDoc();
    const ids = new Set(
      Object.values(future.cards)
        .filter((c) => c.journeyId === 'future')
        .map((c) => c.id),
    );
    const tallied = future.journeys.future!.voteRounds!.flatMap((r) => Object.keys(r.tallies));
    expect(tallied.length).toBe(3);
    expect(tallied.every((id) => ids.has(id))).toBe(true);
  });
});

describe('vote rounds from another participant', () => {
  const round = { id: 'v1', closedAt: 1_700_000_000_000, kinds: ['opportunities'], tallies: { 'o-hard': 2 } };

  it('are taken as they are when sound', () => {
    expect(checkVoteRounds([round])).toEqual({ rounds: [round], repaired: false });
    const ws = storeWith(FILE).getDoc();
    const journey = { ...ws.journeys.j!, voteRounds: [round] };
    expect(checkRemoteRecord('journeys', journey, ws)).toEqual({ record: journey, problem: null });
  });

  it('lose the rounds that are malformed, and the oldest beyond the limit', () => {
    const bad: unknown[] = [
      null,
      'round',
      { ...round, id: '' },
      { ...round, id: 7 },
      { ...round, closedAt: Infinity },
      { ...round, closedAt: '1' },
      { ...round, kinds: ['actions'] },
      { ...round, kinds: [] },
      { ...round, kinds: ['opportunities', 'opportunities'] },
      { ...round, tallies: [] },
      { ...round, tallies: { 'o-hard': -1 } },
      { ...round, tallies: { 'o-hard': 1.5 } },
      { ...round, tallies: { 'o-hard': 10_001 } },
      { ...round, tallies: { 'o-hard': '2' } },
      { ...round, tallies: JSON.parse('{"__proto__": 2}') as unknown },
      { ...round, tallies: { constructor: 2 } },
      { ...round, tallies: { ['x'.repeat(101)]: 2 } },
    ];
    const second = { ...round, id: 'v2', tallies: { 'p-low': 10_000, 'o-easy': 0 } };
    expect(checkVoteRounds([...bad, round, second, { ...round, tallies: {} }])).toEqual({
      rounds: [round, second], // the last one reuses v1's id
      repaired: true,
    });
    // Fields a round does not have are left out.
    expect(checkVoteRounds([{ ...round, style: 'x' }])).toEqual({ rounds: [round], repaired: true });
    expect(checkVoteRounds({ 0: round })).toEqual({ rounds: [], repaired: true });
    const many = Array.from({ length: VOTE_ROUNDS_MAX + 5 }, (_, i) => ({ ...round, id: `v${i}` }));
    const kept = checkVoteRounds(many);
    expect([kept.rounds.length, kept.rounds[0]!.id, kept.repaired]).toEqual([VOTE_ROUNDS_MAX, 'v5', true]);
  });

  it('are repaired in a journey record, which is said', () => {
    const ws = storeWith(FILE).getDoc();
    const sent = { ...ws.journeys.j!, voteRounds: [{ ...round, kinds: ['actions'] }, round] };
    expect(checkRemoteRecord('journeys', sent, ws)).toEqual({
      record: { ...sent, voteRounds: [round] },
      problem: { table: 'journeys', id: 'j', action: 'repaired', reason: 'voteRounds' },
    });
    const none = checkRemoteRecord('journeys', { ...ws.journeys.j!, voteRounds: 'many' }, ws);
    expect(none.record).not.toHaveProperty('voteRounds');
    expect(none.problem?.reason).toBe('voteRounds');
  });
});

describe('a vote kept in a share', () => {
  it('goes through start, dots, close and put away; a new vote drops the old dots', () => {
    const share = localShare('j', null, () => undefined);
    startVote(share, setup());
    expect(spendDot(share, 'j', 'p-low', true)).toBe(true);
    expect(spendDot(share, 'j', 'p-low', true)).toBe(true);
    expect(readVote(share, 'j').ballots.room!.dots).toEqual({ 'p-low': 2 });
    updateVote(share, 'j', { open: false });
    expect(spendDot(share, 'j', 'p-low', true)).toBe(false);
    startVote(share, setup({ id: 'v2' }));
    expect(readVote(share, 'j').ballots).toEqual({});
    dismissVote(share);
    expect(readVote(share, 'j').setup).toBeNull();
  });

  it('ignores what does not look like a vote (hand-edited storage, a hostile participant)', () => {
    const share = localShare('j', null, () => undefined);
    share.write({
      vote: {
        id: 'v',
        journeyId: 'j',
        kinds: ['actions'],
        dots: 3,
        anonymous: false,
        people: null,
        open: true,
        highlight: 0,
      },
    });
    expect(readVote(share, 'j').setup).toBeNull();
    startVote(share, setup());
    share.write({
      'ballot:x': {
        voteId: 'v1',
        name: 5,
        color: 'red;background:url(x)',
        dots: { 'p-low': -4, 'o-easy': 2, 'o-hard': 'lots' },
      },
      'ballot:old': { voteId: 'v0', dots: { 'p-low': 3 } },
    });
    const { ballots } = readVote(share, 'j');
    expect(Object.keys(ballots)).toEqual(['x']);
    expect(ballots.x).toEqual({ name: '', color: '#777777', dots: { 'o-easy': 2 } });
    // Another journey's vote is not this one's.
    expect(readVote(share, 'other').setup).toBeNull();
  });

  it('is kept in storage, and a full storage is said without losing the vote on the page', () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
      removeItem: (k: string) => void kept.delete(k),
    } as Storage;
    startVote(
      localShare('j', storage, () => undefined),
      setup(),
    );
    expect(
      readVote(
        localShare('j', storage, () => undefined),
        'j',
      ).setup?.dots,
    ).toBe(3);
    let told = 0;
    const full = {
      ...storage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as Storage;
    const share = localShare('j', full, () => told++);
    spendDot(share, 'j', 'o-easy', true);
    expect(told).toBe(1);
    expect(readVote(share, 'j').ballots.room!.dots).toEqual({ 'o-easy': 1 });
  });
});

describe('vote settings kept for the next Start vote', () => {
  it('come back as kept, and anything that is not a valid vote gives the defaults', async () => {
    const { DEFAULT_VOTE, keepVoteSettings, readVoteSettings } =
      await import('../../src/features/workshop/vote-settings');
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    } as Storage;
    expect(readVoteSettings(storage)).toEqual(DEFAULT_VOTE);
    keepVoteSettings(storage, { kinds: ['opportunities'], dots: 5, anonymous: true, people: 12 });
    expect(readVoteSettings(storage)).toEqual({ kinds: ['opportunities'], dots: 5, anonymous: true, people: 12 });
    for (const bad of [
      '{',
      '{"kinds":[],"dots":3}',
      '{"kinds":["actions"],"dots":3}',
      '{"kinds":["painPoints"],"dots":99}',
    ]) {
      kept.set('journey-canvas:vote-settings', bad);
      expect(readVoteSettings(storage)).toEqual(DEFAULT_VOTE);
    }
    expect(readVoteSettings(null)).toEqual(DEFAULT_VOTE);
  });
});
