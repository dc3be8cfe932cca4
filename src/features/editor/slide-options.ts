import { keptOptions } from './kept-options';
import { parseLaneVisibility, type LaneVisibility } from '../../domain/lane-visibility';
import type { PageSize } from '../../export/slide-exports';

/** A journey's last slide options, as kept in this browser. */
export interface KeptSlideOptions extends Omit<LaneVisibility, 'collapsed'> {
  /** Stages per slide; null: the most that keep card text at 14 pt. */
  perSlide: number | null;
  fullText: boolean;
  pageSize: PageSize;
}

export const DEFAULT_SLIDES: KeptSlideOptions = {
  perSlide: null,
  hideEmpty: true,
  hideCollapsed: true,
  hiddenKinds: [],
  fullText: false,
  pageSize: 'wide',
};

const KEY = 'journey-canvas:slide-options:';

/** What is kept, checked (storage can be edited by hand); the defaults otherwise. */
export function parseSlideOptions(text: string | null): KeptSlideOptions {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<KeptSlideOptions> | null;
    if (!v || typeof v !== 'object') return DEFAULT_SLIDES;
    return {
      perSlide:
        Number.isInteger(v.perSlide) && (v.perSlide as number) >= 1 && (v.perSlide as number) <= 50
          ? (v.perSlide as number)
          : null,
      ...parseLaneVisibility(v),
      fullText: v.fullText === true,
      pageSize: v.pageSize === 'a4' || v.pageSize === 'a3' ? v.pageSize : 'wide',
    };
  } catch {
    return DEFAULT_SLIDES;
  }
}

const kept = keptOptions(KEY, parseSlideOptions, DEFAULT_SLIDES);
export const readSlideOptions = kept.read;
export const keepSlideOptions = kept.keep;
