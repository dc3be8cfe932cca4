import { describe, expect, it } from 'vitest';
import { localShare } from '../../src/app/session-share';
import { park, PARKED_MAX, readParked, unpark } from '../../src/features/workshop/parking-lot';

describe('the parking lot', () => {
  it('parks one idea per line, in the order given, for its journey only', () => {
    const share = localShare('j', null, () => undefined);
    expect(park(share, 'j', '- Loyalty discount\n\n• 引っ越し割引\nAsk legal')).toBe(true);
    expect(readParked(share, 'j').map((i) => i.title)).toEqual(['Loyalty discount', '引っ越し割引', 'Ask legal']);
    expect(readParked(share, 'other')).toEqual([]);
    unpark(share, readParked(share, 'j')[1]!.id);
    expect(readParked(share, 'j').map((i) => i.title)).toEqual(['Loyalty discount', 'Ask legal']);
  });

  it('refuses more than it holds, parking nothing of that paste', () => {
    const share = localShare('j', null, () => undefined);
    expect(
      park(
        share,
        'j',
        Array(PARKED_MAX - 1)
          .fill('idea')
          .join('\n'),
      ),
    ).toBe(true);
    expect(park(share, 'j', 'one\ntwo')).toBe(false);
    expect(readParked(share, 'j')).toHaveLength(PARKED_MAX - 1);
  });

  it('skips entries that are not ideas (hand-edited storage, a hostile participant)', () => {
    const share = localShare('j', null, () => undefined);
    share.write({
      'park:a': { journeyId: 'j', title: 'x'.repeat(9000), at: 2 },
      'park:b': { journeyId: 'j', title: 42, at: 1 },
      'park:c': null,
      'park:d': { journeyId: 'j', title: 'First', at: 1, notes: { evil: true } },
    });
    const ideas = readParked(share, 'j');
    expect(ideas.map((i) => i.id)).toEqual(['d', 'a']);
    expect(ideas[1]!.title.length).toBe(500);
    expect(ideas[0]!.notes).toBeUndefined();
  });
});
