import type { JourneyParts } from './queries';
import { LANE_KINDS, type Id, type LaneKind, type LaneRec } from './types';

/** Which lanes an export leaves out: those without cards, those collapsed on the map, some kinds. */
export interface LaneVisibility {
  hideEmpty: boolean;
  hideCollapsed: boolean;
  hiddenKinds: readonly LaneKind[];
  /** Lanes collapsed in the editor (left out with `hideCollapsed`). */
  collapsed?: Readonly<Record<Id, true>>;
}

/** The lanes an export shows, in order. */
export function visibleLanes(parts: Pick<JourneyParts, 'lanes' | 'cards'>, options: LaneVisibility): LaneRec[] {
  const used = new Set(parts.cards.map((c) => c.laneId));
  return parts.lanes.filter(
    (l) =>
      !options.hiddenKinds.includes(l.kind) &&
      !(options.hideEmpty && !used.has(l.id)) &&
      !(options.hideCollapsed && options.collapsed?.[l.id]),
  );
}

/** The journey with only the given lanes: their cards, and the connections between those. */
export function withLanes(parts: JourneyParts, lanes: readonly LaneRec[]): JourneyParts {
  if (lanes.length === parts.lanes.length) return parts;
  const ids = new Set(lanes.map((l) => l.id));
  const cards = parts.cards.filter((c) => ids.has(c.laneId));
  const cardIds = new Set(cards.map((c) => c.id));
  return {
    ...parts,
    lanes: [...lanes],
    cards,
    connections: parts.connections.filter((x) => cardIds.has(x.from) && cardIds.has(x.to)),
  };
}

/** Lane choices as kept in storage, checked (storage can be edited by hand): hiding is the default. */
export function parseLaneVisibility(
  v: Partial<Record<keyof LaneVisibility, unknown>>,
): Omit<LaneVisibility, 'collapsed'> {
  return {
    hideEmpty: v.hideEmpty !== false,
    hideCollapsed: v.hideCollapsed !== false,
    hiddenKinds: Array.isArray(v.hiddenKinds) ? LANE_KINDS.filter((k) => (v.hiddenKinds as unknown[]).includes(k)) : [],
  };
}
