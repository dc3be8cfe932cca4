import { describe, expect, it } from 'vitest';
import { localShare } from '../../src/app/session-share';
import { journeyParts } from '../../src/domain/queries';
import { castDot, newVote, rankVote, recordVotes, takeDot, topCards, type Ballot } from '../../src/domain/vote';
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

  it('writes the opportunities’ totals into `votes` as one undo step, and never a pain point’s', () => {
    const store = storeWith(FILE);
    const rows = rankVote(setup(), journeyParts(store.getDoc(), 'j')!, { a: ballot({ 'o-hard': 2, 'p-high': 1 }) });
    store.dispatch(recordVotes('j', rows));
    const cards = store.getDoc().cards;
    expect([cards['o-hard']!.votes, cards['o-easy']!.votes, cards['p-high']!.votes]).toEqual([2, 0, undefined]);
    store.undo('j');
    expect([store.getDoc().cards['o-hard']!.votes, store.getDoc().cards['o-easy']!.votes]).toEqual([undefined, 9]);
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
