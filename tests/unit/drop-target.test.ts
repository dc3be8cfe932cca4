import { describe, expect, it } from 'vitest';
import { dropTarget } from '../../src/canvas/drop-target';
import { GRID, layoutJourney } from '../../src/domain/layout';
import { journeyParts } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('dropTarget', () => {
  const store = storeWith(readExample('appointment-reschedule.journey.json'));
  const parts = journeyParts(store.getDoc(), 'j-reschedule')!;
  const layout = layoutJourney(parts.stages, parts.lanes, parts.cards);
  const kind = (id: string) => parts.lanes.find((l) => l.id === id)?.kind;
  const centreOf = (id: string) => ({ x: layout.cards[id]!.x + layout.cards[id]!.width / 2, y: layout.cards[id]!.y + layout.cards[id]!.height / 2 });

  it('finds the cell under a dragged card and the place in its stack', () => {
    const follow = layout.columns[3]!;
    const at = centreOf('c13');
    const t = dropTarget(layout, parts.cards, kind, new Set(['c13']), follow.x + follow.width / 2, at.y);
    expect(t).toMatchObject({ stageId: 's-after', laneId: 'l-backstage', index: 0 });
    // Above the first of two touchpoints of "Contact": index 0; between them: index 1.
    const c4 = layout.cards.c4!;
    expect(dropTarget(layout, parts.cards, kind, new Set(['c13']), c4.x + 10, c4.y + 5)).toMatchObject({ laneId: 'l-touchpoints', index: 0 });
    expect(dropTarget(layout, parts.cards, kind, new Set(['c13']), c4.x + 10, c4.y + c4.height + 20)).toMatchObject({ index: 1 });
  });

  it('gives a score in the Emotions lane and nothing outside the grid', () => {
    const c7 = centreOf('c7'); // score -2
    const t = dropTarget(layout, parts.cards, kind, new Set(['c7']), c7.x, c7.y - 2 * GRID.emotionStep);
    expect(t).toMatchObject({ stageId: 's-contact', laneId: 'l-emotions', score: 0 });
    expect(dropTarget(layout, parts.cards, kind, new Set(['c7']), -50, c7.y)).toBeNull();
    expect(dropTarget(layout, parts.cards, kind, new Set(['c7']), c7.x, layout.height + 10)).toBeNull();
  });
});
