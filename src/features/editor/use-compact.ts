import { useMediaQuery } from '../../ui/use-media-query';

/** Phones, upright: the editor folds its header into one line and acts from a bottom bar. */
export const COMPACT_QUERY = '(max-width: 640px)';

export const useCompact = () => useMediaQuery(COMPACT_QUERY);
