import { useWorkshop } from '../../app/app-context';
import { useMediaQuery } from '../../ui/use-media-query';

/** Tablets, upright or turned, and narrow windows: wider than a phone, narrower than a desk. */
export const TABLET_QUERY = '(min-width: 641px) and (max-width: 1180px)';

export const useTablet = () => useMediaQuery(TABLET_QUERY);

/**
 * The editor's header in a few rows that never wrap: in workshop mode (a projector's 720 px go to
 * the map) and on a tablet (a header of more than 15% of the screen leaves a sliver of map).
 */
export function useSlimHead(): boolean {
  const workshop = useWorkshop((s) => s.on);
  return useTablet() || workshop;
}
