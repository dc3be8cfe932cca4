import { describe, expect, it } from 'vitest';
import { moveCards } from '../../src/domain/card-commands';
import { stepTarget } from '../../src/domain/card-steps';
import { cellCards } from '../../src/domain/journey-parts';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('stepTarget', () => {
  const titles = (s: ReturnType<typeof storeWith>, stageId: string, laneId: string) =>
    cellCards(s.getDoc(), stageId, laneId).map((c) => c.id);
  const step = (s: ReturnType<typeof storeWith>, id: string, direction: 'up' | 'down' | 'left' | 'right') => {
    const target = stepTarget(s.getDoc(), id, direction);
    if (target) s.dispatch(moveCards([id], target));
    return target;
  };

  it('moves a card up and down among the cards of its cell, and stops at its ends', () => {
    const s = storeWith(readExample('appointment-reschedule.journey.json'));
    expect(titles(s, 's-contact', 'l-touchpoints')).toEqual(['c4', 'c5']);
    expect(step(s, 'c4', 'up')).toBeNull();
    step(s, 'c4', 'down');
    expect(titles(s, 's-contact', 'l-touchpoints')).toEqual(['c5', 'c4']);
    expect(step(s, 'c4', 'down')).toBeNull();
    step(s, 'c4', 'up');
    expect(titles(s, 's-contact', 'l-touchpoints')).toEqual(['c4', 'c5']);
  });

  it('moves a card to the same place in the next or previous stage, in its own lane, and stops at the map’s edge', () => {
    const s = storeWith(readExample('appointment-reschedule.journey.json'));
    step(s, 'c5', 'right'); // second touchpoint of "Contact" → "Resolution", which has one
    expect(titles(s, 's-resolve', 'l-touchpoints')).toEqual(['c11', 'c5']);
    step(s, 'c5', 'right');
    step(s, 'c5', 'right'); // past the last stage: stays
    expect(s.getDoc().cards.c5).toMatchObject({ stageId: 's-after', laneId: 'l-touchpoints' });
    expect(step(s, 'c5', 'right')).toBeNull();
    expect(stepTarget(s.getDoc(), 'c1', 'left')).toBeNull(); // in the first stage
    expect(stepTarget(s.getDoc(), 'missing', 'up')).toBeNull();
  });
});
