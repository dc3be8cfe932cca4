import { keptOptions } from './kept-options';
import type { ImageOptions } from '../../export/journey-exports';
import type { Id, StageRec } from '../../domain/types';
import { parseLaneVisibility, type LaneVisibility } from '../../domain/lane-visibility';

/**
 * A journey's last image options, as kept in this browser: its range by stage id, so a reordered
 * or renamed stage keeps its place in the range, and a deleted one falls back to the map's edge.
 */
export interface KeptImageOptions extends Omit<LaneVisibility, 'collapsed'> {
  scale: 1 | 2 | 3;
  transparent: boolean;
  /** The dark theme's palette, only when asked for. */
  dark: boolean;
  fullText: boolean;
  from: string | null;
  to: string | null;
}

export const DEFAULT_IMAGE: KeptImageOptions = {
  scale: 2,
  transparent: false,
  dark: false,
  fullText: false,
  from: null,
  to: null,
  // Empty and collapsed lanes would only make the picture taller.
  hideEmpty: true,
  hideCollapsed: true,
  hiddenKinds: [],
};

const KEY = 'journey-canvas:image-options:';

/** What is kept for a journey, checked (storage can be edited by hand); the defaults otherwise. */
export function parseKept(text: string | null): KeptImageOptions {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<KeptImageOptions> | null;
    if (!v || typeof v !== 'object') return DEFAULT_IMAGE;
    return {
      scale: v.scale === 1 || v.scale === 3 ? v.scale : 2,
      transparent: v.transparent === true,
      dark: v.dark === true,
      fullText: v.fullText === true,
      from: typeof v.from === 'string' ? v.from : null,
      to: typeof v.to === 'string' ? v.to : null,
      ...parseLaneVisibility(v),
    };
  } catch {
    return DEFAULT_IMAGE;
  }
}

/** The stage indexes the kept range covers now (first and last stage where a stage has gone). */
export function keptRange(kept: KeptImageOptions, stages: readonly Pick<StageRec, 'id'>[]): [number, number] {
  const last = Math.max(0, stages.length - 1);
  const at = (id: string | null, fallback: number) => {
    const i = id === null ? -1 : stages.findIndex((s) => s.id === id);
    return i < 0 ? fallback : i;
  };
  const from = at(kept.from, 0);
  const to = at(kept.to, last);
  return [Math.min(from, to), Math.max(from, to)];
}

/** The options an export uses: the whole map when the range covers every stage. */
export function imageOptions(
  kept: KeptImageOptions,
  stages: readonly Pick<StageRec, 'id'>[],
  collapsed: Readonly<Record<Id, true>> = {},
): ImageOptions {
  const [from, to] = keptRange(kept, stages);
  const whole = from === 0 && to === stages.length - 1;
  return {
    scale: kept.scale,
    transparent: kept.transparent,
    dark: kept.dark,
    fullText: kept.fullText,
    stageRange: whole ? undefined : [from, to],
    lanes: { hideEmpty: kept.hideEmpty, hideCollapsed: kept.hideCollapsed, hiddenKinds: kept.hiddenKinds, collapsed },
  };
}

const kept = keptOptions(KEY, parseKept, DEFAULT_IMAGE);
export const readImageOptions = kept.read;
export const keepImageOptions = kept.keep;
