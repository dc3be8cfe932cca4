import { describe, expect, it } from 'vitest';
import { undoStep } from '../../src/store/workspace-store';
import { dropCommand, dropTarget } from '../../src/canvas/drop-target';
import { GRID, layoutJourney } from '../../src/domain/layout';
import { journeyParts } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('dropTarget', () => {
  const store = storeWith(readExample('appointment-reschedule.journey.json'));
  const parts = journeyParts(store.getDoc(), 'j-reschedule')!;
  const layout = layoutJourney(parts.stages, parts.lanes, parts.cards);
  const kind = (id: string) => parts.lanes.find((l) => l.id === id)?.kind;
  const centreOf = (id: string) => ({
    x: layout.cards[id]!.x + layout.cards[id]!.width / 2,
    y: layout.cards[id]!.y + layout.cards[id]!.height / 2,
  });

  it('finds the cell under a dragged card and the place in its stack', () => {
    const follow = layout.columns[3]!;
    const at = centreOf('c13');
    const t = dropTarget(layout, parts.cards, kind, new Set(['c13']), follow.x + follow.width / 2, at.y);
    expect(t).toMatchObject({ stageId: 's-after', laneId: 'l-backstage', index: 0 });
    // Above the first of two touchpoints of "Contact": index 0; between them: index 1.
    const c4 = layout.cards.c4!;
    expect(dropTarget(layout, parts.cards, kind, new Set(['c13']), c4.x + 10, c4.y + 5)).toMatchObject({
      laneId: 'l-touchpoints',
      index: 0,
    });
    expect(dropTarget(layout, parts.cards, kind, new Set(['c13']), c4.x + 10, c4.y + c4.height + 20)).toMatchObject({
      index: 1,
    });
  });

  it('gives a score in the Emotions lane and nothing outside the grid', () => {
    const c7 = centreOf('c7'); // score -2
    const t = dropTarget(layout, parts.cards, kind, new Set(['c7']), c7.x, c7.y - 2 * GRID.emotionStep);
    expect(t).toMatchObject({ stageId: 's-contact', laneId: 'l-emotions', score: 0 });
    expect(dropTarget(layout, parts.cards, kind, new Set(['c7']), -50, c7.y)).toBeNull();
    expect(dropTarget(layout, parts.cards, kind, new Set(['c7']), c7.x, layout.height + 10)).toBeNull();
  });

  describe('dropCommand', () => {
    const targetAt = (dragged: string[], x: number, y: number) =>
      dropTarget(layout, parts.cards, kind, new Set(dragged), x, y)!;
    const dropped = (dragged: string[], primary: string, x: number, y: number) => {
      const s = storeWith(readExample('appointment-reschedule.journey.json'));
      const p = journeyParts(s.getDoc(), 'j-reschedule')!;
      const command = dropCommand(p.cards, new Set(dragged), primary, targetAt(dragged, x, y));
      if (command) s.dispatch(command);
      return { command, cards: s.getDoc().cards, undo: () => s.dispatch(undoStep('j-reschedule')) !== null };
    };

    it('moves a card to the cell it is dropped on, as one undo step', () => {
      const follow = layout.columns[3]!;
      const { command, cards, undo } = dropped(['c13'], 'c13', follow.x + follow.width / 2, centreOf('c13').y);
      expect(command?.name).toBe('moveCards');
      expect(cards.c13).toMatchObject({ stageId: 's-after', laneId: 'l-backstage' });
      expect(undo()).toBe(true);
    });

    it('does nothing when a card is dropped where it already is', () => {
      const at = centreOf('c13');
      expect(dropped(['c13'], 'c13', at.x, at.y).command).toBeNull();
    });

    it('moves several cards together, in their order, and a card that changes lane takes its kind', () => {
      const c8 = layout.cards.c8!; // the pain point of "Contact"
      const { cards } = dropped(['c4', 'c13'], 'c13', c8.x + 10, c8.y + c8.height + 10);
      expect(cards.c4).toMatchObject({ stageId: 's-contact', laneId: 'l-painPoints' });
      expect(cards.c13).toMatchObject({ stageId: 's-contact', laneId: 'l-painPoints' });
      expect(cards.c4!.order < cards.c13!.order).toBe(true);
      expect(cards.c8!.order < cards.c4!.order).toBe(true);
      expect(cards.c4!.channel).toBeUndefined(); // a touchpoint's channel does not stay on a pain point
    });

    it('sets an emotion point’s score by its height, and moves it sideways to another stage', () => {
      const c7 = centreOf('c7'); // score -2 in "Contact"
      expect(dropped(['c7'], 'c7', c7.x, c7.y - 3 * GRID.emotionStep).cards.c7).toMatchObject({
        stageId: 's-contact',
        score: 1,
      });
      const after = layout.columns[3]!;
      const moved = dropped(['c7'], 'c7', after.x + after.width / 2, c7.y - GRID.emotionStep).cards.c7!;
      expect(moved).toMatchObject({ stageId: 's-after', laneId: 'l-emotions', score: -1 });
    });
  });
});
