import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE, imageOptions, keptRange, parseKept } from '../../src/features/editor/image-options';

const stages = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

describe('image options kept per journey', () => {
  it('keep the range by stage, whatever the stages’ order now', () => {
    const kept = { ...DEFAULT_IMAGE, scale: 3 as const, from: 'b', to: 'c' };
    expect(imageOptions(kept, stages)).toEqual({ scale: 3, transparent: false, fullText: false, stageRange: [1, 2] });
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
    expect(parseKept('{"scale":1,"transparent":true,"fullText":true,"from":"a","to":null}')).toEqual({
      scale: 1,
      transparent: true,
      fullText: true,
      from: 'a',
      to: null,
    });
  });
});
