import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE, imageOptions, keptRange, parseKept } from '../../src/features/editor/image-options';

const stages = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

describe('image options kept per journey', () => {
  it('keep the range by stage, whatever the stages’ order now', () => {
    const kept = { ...DEFAULT_IMAGE, scale: 3 as const, from: 'b', to: 'c' };
    expect(imageOptions(kept, stages)).toEqual({
      scale: 3,
      transparent: false,
      dark: false,
      fullText: false,
      stageRange: [1, 2],
      lanes: { hideEmpty: true, hideCollapsed: true, hiddenKinds: [], collapsed: {} },
    });
    // Moved: c now comes first.
    expect(keptRange(kept, [{ id: 'c' }, { id: 'a' }, { id: 'b' }, { id: 'd' }])).toEqual([0, 2]);
    // A stage of the range deleted: the range runs to the map's edge instead.
    expect(keptRange(kept, [{ id: 'a' }, { id: 'b' }, { id: 'd' }])).toEqual([1, 2]);
    // Every stage: the whole map, with no range.
    expect(imageOptions({ ...kept, from: 'a', to: 'd' }, stages).stageRange).toBeUndefined();
  });

  it('start from the defaults when nothing valid is kept', () => {
    for (const bad of [null, '', '{', '[]', 'null', '{"scale":9,"transparent":"yes","from":4}'])
      expect(parseKept(bad)).toEqual(DEFAULT_IMAGE);
    expect(
      parseKept(
        '{"scale":1,"transparent":true,"dark":true,"fullText":true,"from":"a","to":null,"hideEmpty":false,"hiddenKinds":["notes","nonsense"]}',
      ),
    ).toEqual({
      scale: 1,
      transparent: true,
      dark: true,
      fullText: true,
      from: 'a',
      to: null,
      hideEmpty: false,
      hideCollapsed: true,
      hiddenKinds: ['notes'],
    });
  });
});

describe('lanes left out of an export', () => {
  it('are the lanes without cards, the collapsed ones and the chosen kinds, with their cards and connections', async () => {
    const { visibleLanes, withLanes } = await import('../../src/domain/lane-visibility');
    const lane = (id: string, kind: string) => ({ id, kind }) as never;
    const card = (id: string, laneId: string) => ({ id, laneId }) as never;
    const parts = {
      journey: {},
      persona: null,
      stages: [],
      lanes: [lane('a', 'actions'), lane('e', 'emotions'), lane('n', 'notes'), lane('m', 'metrics')],
      cards: [card('c1', 'a'), card('c2', 'e'), card('c3', 'm')],
      connections: [
        { id: 'x', from: 'c1', to: 'c2' },
        { id: 'y', from: 'c1', to: 'c3' },
      ],
    } as never;
    const shown = visibleLanes(parts, {
      hideEmpty: true,
      hideCollapsed: true,
      hiddenKinds: ['metrics'],
      collapsed: { e: true },
    });
    expect(shown.map((l) => l.id)).toEqual(['a']);
    const kept = withLanes(
      parts,
      visibleLanes(parts, { hideEmpty: true, hideCollapsed: false, hiddenKinds: ['metrics'] }),
    );
    expect(kept.lanes.map((l) => l.id)).toEqual(['a', 'e']);
    expect(kept.cards.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(kept.connections.map((x) => x.id)).toEqual(['x']);
  });
});
